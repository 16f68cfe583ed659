package dev.stockroom.events;

import java.util.List;
import java.util.UUID;

/**
 * An account's profile or roles changed. Published on {@link Topics#USERS}, key = userId; carries
 * the full current state of the public fields.
 */
public record UserUpdated(UUID userId, String displayName, List<String> roles) {
  public static final String TYPE = "UserUpdated";

  public UserUpdated {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }
}
