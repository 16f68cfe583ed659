package dev.stockroom.user.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets at most {@code maxConcurrent} hashes run at once. Each Argon2 hash holds its whole memory
 * cost (19 MiB by default) on the heap while it runs, so a burst of logins on every request thread
 * would need more heap than the service has: 64 threads × 19 MiB is 1.2 GiB. A request waits up to
 * {@code maxWait} for a slot, then gets a 503 ({@link PasswordHashingBusyException}).
 */
public final class BoundedPasswordHasher implements PasswordHasher {
  private final PasswordHasher delegate;
  private final Semaphore slots;
  private final Duration maxWait;

  public BoundedPasswordHasher(PasswordHasher delegate, int maxConcurrent, Duration maxWait) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be at least 1");
    }
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.slots = new Semaphore(maxConcurrent, true);
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
  }

  @Override
  public String hash(CharSequence password) {
    return inSlot(() -> delegate.hash(password));
  }

  @Override
  public boolean matches(CharSequence password, String hash) {
    return inSlot(() -> delegate.matches(password, hash));
  }

  private <T> T inSlot(Supplier<T> work) {
    try {
      if (!slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new PasswordHashingBusyException(maxWait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PasswordHashingBusyException(maxWait);
    }
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }
}
