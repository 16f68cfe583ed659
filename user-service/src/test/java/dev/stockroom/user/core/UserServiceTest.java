package dev.stockroom.user.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.devkit.MutableClock;
import dev.stockroom.platform.auth.AuthenticatedUser;
import dev.stockroom.platform.errors.ConflictException;
import dev.stockroom.platform.errors.FieldError;
import dev.stockroom.platform.errors.PreconditionFailedException;
import dev.stockroom.platform.errors.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserServiceTest {
  private static final String PASSWORD = "correct horse battery";

  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final InMemoryUserStore store = new InMemoryUserStore();
  private final CountingHasher hasher = new CountingHasher();
  private final UserService users = new UserService(store, hasher, Throttle.NONE, clock);

  @Test
  void registersACustomerWithAHashedPasswordAndPublishesUserRegistered() {
    User user = users.register(" Ada@Example.com ", PASSWORD, "  Ada  ");

    assertThat(user.email()).isEqualTo("Ada@Example.com");
    assertThat(user.emailNormalized()).isEqualTo("ada@example.com");
    assertThat(user.displayName()).isEqualTo("Ada");
    assertThat(user.roles()).containsExactly("customer");
    assertThat(user.passwordHash()).startsWith("$argon2id$").doesNotContain(PASSWORD);
    assertThat(user.version()).isEqualTo(1);
    assertThat(store.events).containsExactly("UserRegistered:" + user.id());
  }

  @Test
  void reportsEveryInvalidFieldAtOnce() {
    assertThatThrownBy(() -> users.register("not-an-email", "short", " "))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("email", "password", "displayName"));
    assertThat(store.users).isEmpty();
  }

  @Test
  void rejectsAnEmailThatDiffersOnlyInCase() {
    users.register("ada@example.com", PASSWORD, "Ada");

    assertThatThrownBy(() -> users.register("ADA@EXAMPLE.COM", PASSWORD, "Other Ada"))
        .isInstanceOf(EmailAlreadyUsedException.class);
    assertThat(store.users).hasSize(1);
  }

  @Test
  void aCustomerSeesOnlyThemselvesAndOthersLookMissing() {
    User ada = users.register("ada@example.com", PASSWORD, "Ada");
    User bob = users.register("bob@example.com", PASSWORD, "Bob");

    assertThat(users.get(caller(ada), ada.id())).isEqualTo(ada);
    assertThatThrownBy(() -> users.get(caller(ada), bob.id()))
        .isInstanceOf(UserNotFoundException.class)
        .hasMessage(new UserNotFoundException().getMessage());
  }

  @Test
  void anAdminSeesAnyone() {
    User ada = users.register("ada@example.com", PASSWORD, "Ada");
    User root = users.bootstrapAdmin("root@example.com", "Root", () -> PASSWORD).user();

    assertThat(users.get(caller(root), ada.id())).isEqualTo(ada);
  }

  @Test
  void changesTheDisplayNameAndPublishesUserUpdated() {
    User ada = users.register("ada@example.com", PASSWORD, "Ada");
    clock.advance(Duration.ofMinutes(1));

    User changed =
        users.updateProfile(
            caller(ada), new ProfileChange("Countess", null, null), OptionalLong.empty());

    assertThat(changed.displayName()).isEqualTo("Countess");
    assertThat(changed.version()).isEqualTo(2);
    assertThat(changed.updatedAt()).isEqualTo(clock.instant());
    assertThat(store.events).endsWith("UserUpdated:" + ada.id());
    assertThat(store.passwordChanges).isEmpty();
  }

  @Test
  void changingThePasswordNeedsTheCurrentOneAndRevokesSessions() {
    User ada = users.register("ada@example.com", PASSWORD, "Ada");

    assertThatThrownBy(
            () ->
                users.updateProfile(
                    caller(ada),
                    new ProfileChange(null, null, "a brand new password"),
                    OptionalLong.empty()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("currentPassword"));
    assertThatThrownBy(
            () ->
                users.updateProfile(
                    caller(ada),
                    new ProfileChange(null, "not my password", "a brand new password"),
                    OptionalLong.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 field is invalid.");

    User changed =
        users.updateProfile(
            caller(ada),
            new ProfileChange(null, PASSWORD, "a brand new password"),
            OptionalLong.empty());

    assertThat(hasher.matches("a brand new password", changed.passwordHash())).isTrue();
    assertThat(store.passwordChanges).containsExactly(ada.id());
    // The password is not a public field: no UserUpdated for it.
    assertThat(store.events).containsExactly("UserRegistered:" + ada.id());
  }

  @Test
  void aStaleIfMatchVersionIsRejected() {
    User ada = users.register("ada@example.com", PASSWORD, "Ada");

    assertThatThrownBy(
            () ->
                users.updateProfile(
                    caller(ada), new ProfileChange("New", null, null), OptionalLong.of(7)))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(store.users.get(ada.id()).displayName()).isEqualTo("Ada");
  }

  @Test
  void aConcurrentChangeIsNotOverwritten() {
    User ada = users.register("ada@example.com", PASSWORD, "Ada");
    UserStore racing =
        new DelegatingStore(store) {
          @Override
          public Optional<User> findById(java.util.UUID id) {
            Optional<User> read = super.findById(id);
            store.bumpVersion(id);
            return read;
          }
        };
    UserService service = new UserService(racing, hasher, Throttle.NONE, clock);

    assertThatThrownBy(
            () ->
                service.updateProfile(
                    caller(ada), new ProfileChange("New", null, null), OptionalLong.empty()))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                service.updateProfile(
                    caller(ada), new ProfileChange("New", null, null), OptionalLong.of(2)))
        .isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void anEmptyChangeChangesNothing() {
    User ada = users.register("ada@example.com", PASSWORD, "Ada");

    assertThat(
            users.updateProfile(
                caller(ada), new ProfileChange(null, null, null), OptionalLong.empty()))
        .isEqualTo(ada);
    assertThat(store.events).hasSize(1);
  }

  @Test
  void setsRolesAndRefusesUnknownOnes() {
    User ada = users.register("ada@example.com", PASSWORD, "Ada");
    User root = users.bootstrapAdmin("root@example.com", "Root", () -> PASSWORD).user();

    User promoted = users.setRoles(caller(root), ada.id(), List.of("admin", "customer", "admin"));

    assertThat(promoted.roles()).containsExactly("admin", "customer");
    assertThat(store.events).endsWith("UserUpdated:" + ada.id());
    assertThatThrownBy(() -> users.setRoles(caller(root), ada.id(), List.of("superuser")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> users.setRoles(caller(root), ada.id(), List.of()))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void anAdminCannotDropTheirOwnAdminRole() {
    User root = users.bootstrapAdmin("root@example.com", "Root", () -> PASSWORD).user();

    assertThatThrownBy(() -> users.setRoles(caller(root), root.id(), List.of("customer")))
        .isInstanceOf(ConflictException.class);
    assertThat(store.users.get(root.id()).roles()).contains("admin");
  }

  @Test
  void listsPagesInEmailOrderFilteredByPrefix() {
    for (String name : List.of("carol", "alice", "bob", "alfred", "albert")) {
      users.register(name + "@example.com", PASSWORD, name);
    }

    UserPage first = users.list(Optional.of("AL"), Optional.empty(), 2);
    assertThat(first.users()).extracting(User::displayName).containsExactly("albert", "alfred");
    UserPage second = users.list(Optional.of("al"), first.next(), 2);
    assertThat(second.users()).extracting(User::displayName).containsExactly("alice");
    assertThat(second.next()).isEmpty();
    assertThat(users.list(Optional.empty(), Optional.empty(), 10).users()).hasSize(5);
  }

  @Test
  void bootstrapCreatesThenPromotesThenLeavesAnAdminAlone() {
    AdminBootstrap created = users.bootstrapAdmin("root@example.com", "Root", () -> PASSWORD);
    assertThat(created.outcome()).isEqualTo(AdminBootstrap.Outcome.CREATED);
    assertThat(created.user().roles()).containsExactly("admin", "customer");
    assertThat(store.events)
        .containsExactly(
            "UserRegistered:" + created.user().id(), "UserUpdated:" + created.user().id());

    User ada = users.register("ada@example.com", PASSWORD, "Ada");
    AdminBootstrap promoted =
        users.bootstrapAdmin(
            "ADA@example.com",
            "ignored",
            () -> {
              throw new AssertionError("no password is needed to promote");
            });
    assertThat(promoted.outcome()).isEqualTo(AdminBootstrap.Outcome.PROMOTED);
    assertThat(promoted.user().id()).isEqualTo(ada.id());
    assertThat(promoted.user().displayName()).isEqualTo("Ada");

    assertThat(users.bootstrapAdmin("ada@example.com", "Ada", () -> PASSWORD).outcome())
        .isEqualTo(AdminBootstrap.Outcome.ALREADY_ADMIN);
  }

  private static AuthenticatedUser caller(User user) {
    return new AuthenticatedUser(user.id(), Set.copyOf(user.roles()));
  }

  /** Forwards everything; tests override one method to inject a race. */
  private static class DelegatingStore implements UserStore {
    private final UserStore delegate;

    DelegatingStore(UserStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void create(User user) {
      delegate.create(user);
    }

    @Override
    public Optional<User> findById(java.util.UUID id) {
      return delegate.findById(id);
    }

    @Override
    public Optional<User> findByEmail(String emailNormalized) {
      return delegate.findByEmail(emailNormalized);
    }

    @Override
    public List<User> list(Optional<String> emailPrefix, Optional<UserCursor> after, int limit) {
      return delegate.list(emailPrefix, after, limit);
    }

    @Override
    public Optional<User> update(User before, User after) {
      return delegate.update(before, after);
    }
  }
}
