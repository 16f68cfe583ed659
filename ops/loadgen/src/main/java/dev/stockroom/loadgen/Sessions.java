package dev.stockroom.loadgen;

import dev.stockroom.client.ApiException;
import dev.stockroom.client.Session;
import dev.stockroom.client.StockroomClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The logged-in admin and customers of a run. Each account logs in once at setup; log-ins are
 * throttled (50 a minute per client address, 10 per account in 5 minutes), so a 429 is waited out
 * rather than failed. Access tokens live 15 minutes: a run long enough to outlive them gets a
 * background refresh that logs each account in again, paced under the per-client limit.
 */
final class Sessions implements AutoCloseable {
  /** Re-log-in this long after the previous log-in, well before the 15-minute token expiry. */
  static final Duration REFRESH_AFTER = Duration.ofMinutes(10);

  /** 40 log-ins a minute stays under the per-client throttle of 50. */
  static final Duration REFRESH_SPACING = Duration.ofMillis(1500);

  private static final Duration THROTTLE_PATIENCE = Duration.ofMinutes(3);
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

  /** An account to log in as. The password never appears in output. */
  record Credentials(String email, String password) {
    @Override
    public String toString() {
      return "Credentials[" + email + "]";
    }
  }

  private final StockroomClient client;
  private final PrintStream out;
  private final List<Credentials> credentials;
  private final AtomicReferenceArray<Session> sessions;
  private ScheduledExecutorService refresher;

  /**
   * @param sessions the log-ins of {@code credentials}, in the same order
   */
  Sessions(
      StockroomClient client,
      PrintStream out,
      List<Credentials> credentials,
      List<Session> sessions) {
    if (credentials.size() != sessions.size()) {
      throw new IllegalArgumentException("one session per account");
    }
    this.client = client;
    this.out = out;
    this.credentials = List.copyOf(credentials);
    this.sessions = new AtomicReferenceArray<>(sessions.toArray(new Session[0]));
  }

  int size() {
    return credentials.size();
  }

  Session get(int index) {
    return sessions.get(index);
  }

  /** Starts re-logging everyone in every {@link #REFRESH_AFTER}; for runs that outlive a token. */
  synchronized void refreshPeriodically() {
    if (refresher != null) {
      return;
    }
    refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "loadgen-session-refresh");
              t.setDaemon(true);
              return t;
            });
    refresher.scheduleWithFixedDelay(
        this::refreshAll,
        REFRESH_AFTER.toMillis(),
        // A round takes a while at the paced rate; the next starts so each account is
        // refreshed about every REFRESH_AFTER.
        Math.max(
            Duration.ofMinutes(1).toMillis(),
            REFRESH_AFTER.toMillis() - credentials.size() * REFRESH_SPACING.toMillis()),
        TimeUnit.MILLISECONDS);
  }

  private void refreshAll() {
    for (int i = 0; i < credentials.size(); i++) {
      Credentials c = credentials.get(i);
      try {
        sessions.set(i, login(client, out, c));
      } catch (RuntimeException e) {
        // The old token stays until it expires; the next round tries again.
        out.println(
            "loadgen: could not refresh the session of " + c.email() + ": " + e.getMessage());
      }
      try {
        Thread.sleep(REFRESH_SPACING.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** One log-in, waiting out the throttle (429 with Retry-After) for up to a few minutes. */
  static Session login(StockroomClient client, PrintStream out, Credentials credentials) {
    long deadline = System.nanoTime() + THROTTLE_PATIENCE.toNanos();
    while (true) {
      try {
        return client.login(credentials.email(), credentials.password());
      } catch (ApiException e) {
        if (e.status() != 429 || System.nanoTime() - deadline > 0) {
          throw e;
        }
        Duration wait = e.retryAfter().orElse(DEFAULT_RETRY_AFTER);
        out.println("loadgen: log-in throttled (429), waiting " + wait.toSeconds() + "s as asked");
        sleep(wait.plusMillis(100));
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadgenException("interrupted while waiting for the log-in throttle", e);
    }
  }

  @Override
  public synchronized void close() {
    if (refresher != null) {
      refresher.shutdownNow();
    }
  }
}
