package dev.stockroom.user.core;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An account. {@code version} increases with every stored change and backs optimistic concurrency
 * ({@code ETag}/{@code If-Match}).
 *
 * @param id the account id, also the JWT subject
 * @param email the address as typed (trimmed)
 * @param emailNormalized the lower-cased address, unique
 * @param displayName the trimmed display name
 * @param passwordHash the Argon2id hash in PHC string format
 * @param roles role names, sorted
 * @param version the stored version
 * @param createdAt when the account was created
 * @param updatedAt when the account last changed
 */
public record User(
    UUID id,
    String email,
    String emailNormalized,
    String displayName,
    String passwordHash,
    SortedSet<String> roles,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(emailNormalized, "emailNormalized");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public User withDisplayName(String name) {
    return new User(
        id, email, emailNormalized, name, passwordHash, roles, version, createdAt, updatedAt);
  }

  public User withPasswordHash(String hash) {
    return new User(
        id, email, emailNormalized, displayName, hash, roles, version, createdAt, updatedAt);
  }

  public User withRoles(Set<String> newRoles) {
    return new User(
        id,
        email,
        emailNormalized,
        displayName,
        passwordHash,
        new TreeSet<>(newRoles),
        version,
        createdAt,
        updatedAt);
  }

  /** The stored form after a successful update: next version, new update time. */
  public User stored(Instant at) {
    return new User(
        id, email, emailNormalized, displayName, passwordHash, roles, version + 1, createdAt, at);
  }

  /** Never prints the password hash, so a user in a log line leaks nothing useful. */
  @Override
  public String toString() {
    return "User[id=" + id + ", roles=" + roles + ", version=" + version + "]";
  }
}
