package dev.stockroom.user.core;

import java.util.UUID;

/**
 * A position in the account list, which is ordered by normalized e-mail and then id.
 *
 * @param emailNormalized the last account's normalized e-mail
 * @param id the last account's id
 */
public record UserCursor(String emailNormalized, UUID id) {
  public static UserCursor after(User user) {
    return new UserCursor(user.emailNormalized(), user.id());
  }
}
