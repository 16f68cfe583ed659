package dev.stockroom.user.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.platform.errors.ProblemException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedPasswordHasherTest {
  /** Hashes only when let through, and counts how many run at once. */
  private static final class GatedHasher implements PasswordHasher {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();

    @Override
    public String hash(CharSequence password) {
      int now = running.incrementAndGet();
      mostAtOnce.accumulateAndGet(now, Math::max);
      entered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.decrementAndGet();
      }
      return "hash:" + password;
    }

    @Override
    public boolean matches(CharSequence password, String hash) {
      return hash.equals(hash(password));
    }
  }

  @Test
  void aCallerBeyondTheLimitWaitsThenGetsA503WithRetryAfter() throws Exception {
    GatedHasher slow = new GatedHasher();
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(slow, 1, Duration.ofMillis(100));
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> hasher.hash("one"));
    assertThat(slow.entered.await(5, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> hasher.matches("two", "hash:two"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.headers()).containsEntry("Retry-After", "1");
            });

    slow.release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("hash:one");
    assertThat(hasher.matches("two", "hash:two")).isTrue();
    assertThat(slow.mostAtOnce.get()).isEqualTo(1);
  }

  @Test
  void aFailingHashGivesItsSlotBack() {
    PasswordHasher failing =
        new PasswordHasher() {
          @Override
          public String hash(CharSequence password) {
            throw new IllegalStateException("out of memory for the hash");
          }

          @Override
          public boolean matches(CharSequence password, String hash) {
            return true;
          }
        };
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(failing, 1, Duration.ofMillis(100));

    assertThatThrownBy(() -> hasher.hash("x")).isInstanceOf(IllegalStateException.class);
    assertThat(hasher.matches("x", "y")).isTrue();
  }

  @Test
  void refusesAZeroLimit() {
    assertThatThrownBy(() -> new BoundedPasswordHasher(new GatedHasher(), 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
