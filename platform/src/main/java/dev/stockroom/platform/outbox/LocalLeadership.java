package dev.stockroom.platform.outbox;

import java.time.Duration;

/**
 * The lead on a database without advisory locks (H2, which is single-instance): always held; the
 * in-process signal is the only wake-up besides the poll interval.
 */
final class LocalLeadership implements RelayLeadership {
  private final Wakeup wakeup;

  LocalLeadership(Wakeup wakeup) {
    this.wakeup = wakeup;
  }

  @Override
  public boolean acquire() {
    return true;
  }

  @Override
  public void await(Duration timeout) throws InterruptedException {
    wakeup.await(timeout);
  }

  @Override
  public void close() {}
}
