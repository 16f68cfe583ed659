package dev.stockroom.user.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link UserStore} in a map, recording the events a real store would put in the outbox. */
final class InMemoryUserStore implements UserStore {
  final Map<UUID, User> users = new ConcurrentHashMap<>();
  final List<String> events = new ArrayList<>();
  final List<UUID> passwordChanges = new ArrayList<>();

  @Override
  public synchronized void create(User user) {
    if (findByEmail(user.emailNormalized()).isPresent()) {
      throw new EmailAlreadyUsedException();
    }
    users.put(user.id(), user);
    events.add("UserRegistered:" + user.id());
  }

  @Override
  public Optional<User> findById(UUID id) {
    return Optional.ofNullable(users.get(id));
  }

  @Override
  public Optional<User> findByEmail(String emailNormalized) {
    return users.values().stream()
        .filter(u -> u.emailNormalized().equals(emailNormalized))
        .findFirst();
  }

  @Override
  public List<User> list(Optional<String> emailPrefix, Optional<UserCursor> after, int limit) {
    Comparator<User> order = Comparator.comparing(User::emailNormalized).thenComparing(User::id);
    return users.values().stream()
        .filter(u -> emailPrefix.map(p -> u.emailNormalized().startsWith(p)).orElse(true))
        .filter(
            u ->
                after
                    .map(
                        c ->
                            u.emailNormalized().compareTo(c.emailNormalized()) > 0
                                || (u.emailNormalized().equals(c.emailNormalized())
                                    && u.id().compareTo(c.id()) > 0))
                    .orElse(true))
        .sorted(order)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Optional<User> update(User before, User after) {
    User stored = users.get(before.id());
    if (stored == null || stored.version() != before.version()) {
      return Optional.empty();
    }
    users.put(after.id(), after);
    if (!before.displayName().equals(after.displayName())
        || !before.roles().equals(after.roles())) {
      events.add("UserUpdated:" + after.id());
    }
    if (!before.passwordHash().equals(after.passwordHash())) {
      passwordChanges.add(after.id());
    }
    return Optional.of(after);
  }

  /** Simulates another request changing the row behind the caller's back. */
  void bumpVersion(UUID id) {
    User user = users.get(id);
    users.put(id, user.stored(user.updatedAt()));
  }

  List<User> all() {
    return new ArrayList<>(users.values());
  }
}
