package dev.stockroom.user.core;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id through Spring Security's encoder (hashes in PHC string format, so parameters travel
 * with each hash and can be raised later without breaking old ones).
 */
public final class Argon2PasswordHasher implements PasswordHasher {
  private final Argon2PasswordEncoder encoder;

  /**
   * @param saltLength salt bytes
   * @param hashLength output bytes
   * @param parallelism lanes (p)
   * @param memoryKib memory in KiB (m)
   * @param iterations passes (t)
   */
  public Argon2PasswordHasher(
      int saltLength, int hashLength, int parallelism, int memoryKib, int iterations) {
    this.encoder =
        new Argon2PasswordEncoder(saltLength, hashLength, parallelism, memoryKib, iterations);
  }

  @Override
  public String hash(CharSequence password) {
    return encoder.encode(password);
  }

  @Override
  public boolean matches(CharSequence password, String hash) {
    // The encoder logs and returns false on a malformed hash; it never throws for bad input.
    return password != null && hash != null && encoder.matches(password, hash);
  }
}
