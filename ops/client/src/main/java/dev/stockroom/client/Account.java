package dev.stockroom.client;

import java.util.List;
import java.util.UUID;

/** A user account as user-service shows it (never a password). Roles: customer, admin. */
public record Account(UUID id, String email, String displayName, List<String> roles) {
  public Account {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }
}
