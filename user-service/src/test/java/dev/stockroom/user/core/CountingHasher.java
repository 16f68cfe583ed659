package dev.stockroom.user.core;

import java.util.concurrent.atomic.AtomicInteger;

/** Real (cheap) Argon2id that counts verifications, to see that every log-in pays for one. */
final class CountingHasher implements PasswordHasher {
  private final PasswordHasher delegate = new Argon2PasswordHasher(16, 32, 1, 64, 1);
  final AtomicInteger verifications = new AtomicInteger();

  @Override
  public String hash(CharSequence password) {
    return delegate.hash(password);
  }

  @Override
  public boolean matches(CharSequence password, String hash) {
    verifications.incrementAndGet();
    return delegate.matches(password, hash);
  }
}
