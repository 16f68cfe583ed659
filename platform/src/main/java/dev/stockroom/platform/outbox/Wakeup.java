package dev.stockroom.platform.outbox;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A wake-up flag: {@link #signal()} from any thread ends the current or next {@link #await}. */
final class Wakeup {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signalled = lock.newCondition();
  private boolean pending;

  void signal() {
    lock.lock();
    try {
      pending = true;
      signalled.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Clears and returns the flag without waiting. */
  boolean consume() {
    lock.lock();
    try {
      boolean was = pending;
      pending = false;
      return was;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until signalled or {@code timeout} passes; returns whether it was signalled. */
  boolean await(Duration timeout) throws InterruptedException {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (!pending && remaining > 0) {
        remaining = signalled.awaitNanos(remaining);
      }
      boolean was = pending;
      pending = false;
      return was;
    } finally {
      lock.unlock();
    }
  }
}
