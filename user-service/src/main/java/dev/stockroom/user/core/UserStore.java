package dev.stockroom.user.core;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where accounts live. Every write is one transaction that also records the matching event in the
 * outbox, so the database and {@code users.v1} can never disagree.
 */
public interface UserStore {
  /**
   * Inserts a new account and records {@code UserRegistered}.
   *
   * @throws EmailAlreadyUsedException when the normalized e-mail is taken
   */
  void create(User user);

  Optional<User> findById(UUID id);

  Optional<User> findByEmail(String emailNormalized);

  /**
   * Accounts ordered by normalized e-mail, then id.
   *
   * @param emailPrefix only addresses whose normalized form starts with this (literally)
   * @param after only accounts after this position
   * @param limit at most this many
   */
  List<User> list(Optional<String> emailPrefix, Optional<UserCursor> after, int limit);

  /**
   * Stores {@code after} if the stored row still has {@code before.version()}. In the same
   * transaction it records {@code UserUpdated} when the display name or roles changed and revokes
   * every refresh token of the account when the password hash changed.
   *
   * @return the stored account (next version), or empty when the row changed meanwhile
   */
  Optional<User> update(User before, User after);
}
