package dev.stockroom.user.api;

import dev.stockroom.user.core.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account as clients see it; never includes the password hash.
 *
 * @param id the account id
 * @param email the address as registered
 * @param displayName the display name
 * @param roles role names, sorted
 * @param createdAt creation time (UTC)
 * @param updatedAt last change (UTC)
 */
public record UserResponse(
    UUID id,
    String email,
    String displayName,
    List<String> roles,
    Instant createdAt,
    Instant updatedAt) {

  public static UserResponse from(User user) {
    return new UserResponse(
        user.id(),
        user.email(),
        user.displayName(),
        List.copyOf(user.roles()),
        user.createdAt(),
        user.updatedAt());
  }
}
