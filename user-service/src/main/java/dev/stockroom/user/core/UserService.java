package dev.stockroom.user.core;

import dev.stockroom.platform.auth.AuthenticatedUser;
import dev.stockroom.platform.auth.Roles;
import dev.stockroom.platform.errors.ConflictException;
import dev.stockroom.platform.errors.PreconditionFailedException;
import dev.stockroom.platform.errors.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/** Accounts: registration, profiles, roles, listing, and bootstrapping the first admin. */
public final class UserService {
  private final UserStore store;
  private final PasswordHasher hasher;
  private final Throttle passwordChangeThrottle;
  private final Clock clock;

  /**
   * @param passwordChangeThrottle counts checks of the current password, so a stolen access token
   *     cannot be used to guess it
   */
  public UserService(
      UserStore store, PasswordHasher hasher, Throttle passwordChangeThrottle, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.passwordChangeThrottle =
        Objects.requireNonNull(passwordChangeThrottle, "passwordChangeThrottle");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Creates a customer account; {@code UserRegistered} is recorded in the same transaction.
   *
   * @throws ValidationException listing every invalid field
   * @throws EmailAlreadyUsedException when the address is taken (ignoring case)
   */
  public User register(String email, String password, String displayName) {
    FieldErrors errors = new FieldErrors();
    EmailAddress address = errors.check("email", () -> EmailAddress.parse(email));
    errors.check("password", () -> PasswordPolicy.check(password));
    String name = errors.check("displayName", () -> DisplayName.parse(displayName));
    errors.throwIfAny();

    // Checked before hashing so a duplicate costs no Argon2 run; the unique index still decides
    // a race between two registrations.
    if (store.findByEmail(address.normalized()).isPresent()) {
      throw new EmailAlreadyUsedException();
    }
    Instant now = now();
    User user =
        new User(
            UUID.randomUUID(),
            address.value(),
            address.normalized(),
            name,
            hasher.hash(password),
            UserRoles.DEFAULT,
            1,
            now,
            now);
    store.create(user);
    return user;
  }

  /** The caller's own account. */
  public User me(AuthenticatedUser caller) {
    return store.findById(caller.id()).orElseThrow(UserNotFoundException::new);
  }

  /**
   * An account the caller may see: their own, or any for an admin. Others get the same answer as a
   * missing account.
   */
  public User get(AuthenticatedUser caller, UUID id) {
    if (!caller.id().equals(id) && !caller.isAdmin()) {
      throw new UserNotFoundException();
    }
    return store.findById(id).orElseThrow(UserNotFoundException::new);
  }

  /**
   * Changes the caller's display name and/or password. A new password needs the current one and
   * revokes every refresh token of the account.
   *
   * @param expectedVersion the version the client last saw ({@code If-Match}), if it sent one
   * @throws PreconditionFailedException when {@code expectedVersion} is stale
   * @throws ValidationException for invalid fields or a wrong current password
   */
  public User updateProfile(
      AuthenticatedUser caller, ProfileChange change, OptionalLong expectedVersion) {
    User before = me(caller);
    if (expectedVersion.isPresent() && expectedVersion.getAsLong() != before.version()) {
      throw new PreconditionFailedException("The account changed since it was read.");
    }
    FieldErrors errors = new FieldErrors();
    String name =
        change.displayName() == null
            ? before.displayName()
            : errors.check("displayName", () -> DisplayName.parse(change.displayName()));
    if (change.newPassword() != null) {
      errors.check("newPassword", () -> PasswordPolicy.check(change.newPassword()));
      if (change.currentPassword() == null) {
        errors.add("currentPassword", "is required to change the password");
      }
    } else if (change.currentPassword() != null) {
      errors.add("newPassword", "is required when currentPassword is given");
    }
    errors.throwIfAny();

    User after = before.withDisplayName(name);
    if (change.newPassword() != null) {
      passwordChangeThrottle.acquire("account:" + before.emailNormalized());
      if (!hasher.matches(change.currentPassword(), before.passwordHash())) {
        throw new ValidationException("currentPassword", "is incorrect");
      }
      after = after.withPasswordHash(hasher.hash(change.newPassword()));
    }
    if (after.equals(before)) {
      return before;
    }
    return save(before, after, expectedVersion.isPresent());
  }

  /**
   * Replaces an account's roles (admin only; the resource enforces that). An admin cannot drop
   * their own admin role, so the last admin cannot lock everyone out by accident.
   */
  public User setRoles(AuthenticatedUser caller, UUID id, Collection<String> roles) {
    FieldErrors errors = new FieldErrors();
    SortedSet<String> parsed = errors.check("roles", () -> UserRoles.parse(roles));
    errors.throwIfAny();
    User before = store.findById(id).orElseThrow(UserNotFoundException::new);
    if (caller.id().equals(id) && !parsed.contains(Roles.ADMIN)) {
      throw new ConflictException("An admin cannot remove their own admin role.");
    }
    if (before.roles().equals(parsed)) {
      return before;
    }
    return save(before, before.withRoles(parsed), false);
  }

  /**
   * A page of accounts ordered by normalized e-mail.
   *
   * @param emailPrefix keeps only addresses starting with this (ignoring case)
   */
  public UserPage list(Optional<String> emailPrefix, Optional<UserCursor> after, int limit) {
    Optional<String> prefix = emailPrefix.map(EmailAddress::normalize).filter(p -> !p.isEmpty());
    List<User> found = store.list(prefix, after, limit + 1);
    if (found.size() <= limit) {
      return new UserPage(found, Optional.empty());
    }
    List<User> page = found.subList(0, limit);
    return new UserPage(page, Optional.of(UserCursor.after(page.get(limit - 1))));
  }

  /**
   * Makes {@code email} an admin: promotes the account if it exists, else creates it (as a
   * customer, then promoted, so both {@code UserRegistered} and {@code UserUpdated} are published).
   * The password is asked for only when an account is created.
   */
  public AdminBootstrap bootstrapAdmin(
      String email, String displayName, Supplier<String> password) {
    String normalized = EmailAddress.normalize(email);
    Optional<User> existing = store.findByEmail(normalized);
    AdminBootstrap.Outcome outcome = AdminBootstrap.Outcome.PROMOTED;
    User user;
    if (existing.isPresent()) {
      user = existing.get();
    } else {
      user = register(email, password.get(), displayName);
      outcome = AdminBootstrap.Outcome.CREATED;
    }
    if (user.hasRole(Roles.ADMIN)) {
      return new AdminBootstrap(user, AdminBootstrap.Outcome.ALREADY_ADMIN);
    }
    SortedSet<String> roles = new TreeSet<>(user.roles());
    roles.add(Roles.ADMIN);
    return new AdminBootstrap(save(user, user.withRoles(roles), false), outcome);
  }

  private User save(User before, User after, boolean clientSentVersion) {
    return store
        .update(before, after.stored(now()))
        .orElseThrow(
            () ->
                clientSentVersion
                    ? new PreconditionFailedException("The account changed since it was read.")
                    : new ConflictException("The account changed concurrently; retry."));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
