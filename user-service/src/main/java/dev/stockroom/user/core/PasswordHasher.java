package dev.stockroom.user.core;

/** Turns passwords into slow, salted hashes and checks them. */
public interface PasswordHasher {
  /** A new salted hash of {@code password}. */
  String hash(CharSequence password);

  /** Whether {@code password} matches {@code hash}; false for a malformed hash. */
  boolean matches(CharSequence password, String hash);
}
