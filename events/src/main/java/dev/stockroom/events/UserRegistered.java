package dev.stockroom.events;

import java.util.UUID;

/** A new account was created. Published on {@link Topics#USERS}, key = userId. */
public record UserRegistered(UUID userId, String email, String displayName) {
  public static final String TYPE = "UserRegistered";
}
