package dev.stockroom.platform.auth;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The caller a verified access token speaks for: its subject and roles. */
public record AuthenticatedUser(UUID id, Set<String> roles) implements Principal {
  public AuthenticatedUser {
    Objects.requireNonNull(id, "id");
    roles = Set.copyOf(roles);
  }

  @Override
  public String getName() {
    return id.toString();
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return hasRole(Roles.ADMIN);
  }
}
