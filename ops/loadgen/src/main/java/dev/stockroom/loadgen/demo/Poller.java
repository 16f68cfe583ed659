package dev.stockroom.loadgen.demo;

import dev.stockroom.client.ApiException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Re-reads something the system updates asynchronously (a view fed by Kafka, a replica) until it
 * shows what the step expects, or a deadline passes. Only the last read is printed.
 */
final class Poller {
  private static final Duration INTERVAL = Duration.ofMillis(200);

  private final Narrator narrator;

  Poller(Narrator narrator) {
    this.narrator = narrator;
  }

  /**
   * @param expected what the step waits for, in words, for the failure message
   * @param retryOn statuses that mean "not yet" (404 before a view exists, 503 during a rebalance,
   *     422 while order-service has not yet seen a new product)
   * @param describe how to show the last value seen in the failure message
   */
  <T> T until(
      String expected,
      Duration max,
      Set<Integer> retryOn,
      Supplier<T> read,
      Predicate<T> done,
      Function<T, String> describe) {
    long start = System.nanoTime();
    long deadline = start + max.toNanos();
    T last = null;
    ApiException lastError = null;
    narrator.mute();
    try {
      while (true) {
        try {
          last = read.get();
          lastError = null;
          if (done.test(last)) {
            return last;
          }
        } catch (ApiException e) {
          if (!retryOn.contains(e.status())) {
            throw e;
          }
          lastError = e;
        }
        if (System.nanoTime() - deadline >= 0) {
          String seen =
              lastError != null
                  ? lastError.getMessage()
                  : last == null ? "nothing" : describe.apply(last);
          throw new StepFailed(
              expected + " did not happen within " + max.toSeconds() + " s; last seen: " + seen);
        }
        sleep();
      }
    } finally {
      narrator.unmute(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailed("interrupted while waiting");
    }
  }
}
