package dev.stockroom.loadgen;

import dev.stockroom.client.ApiException;
import dev.stockroom.client.Line;
import dev.stockroom.client.Order;
import dev.stockroom.client.Product;
import dev.stockroom.client.Session;
import dev.stockroom.client.StockView;
import dev.stockroom.client.StockroomClient;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prepares a run through the public APIs: logs the admin in, creates the products and sets their
 * stock, registers the customers and logs each in once, then waits until the asynchronous parts
 * have caught up (the stream processor holds every stock level, order-service's catalog replica
 * knows every product) so the measured run does not start with errors that only setup caused.
 */
final class Setup {
  /** How long the asynchronous side may take to see what setup wrote. */
  static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration READY_POLL = Duration.ofMillis(250);
  private static final String CURRENCY = "EUR";

  /** Registration hashes a password with Argon2id (CPU-heavy on the server): two at a time. */
  private static final int REGISTER_PARALLELISM = 2;

  private final StockroomClient client;
  private final LoadOptions options;
  private final OrderLedger ledger;
  private final PrintStream out;

  Setup(StockroomClient client, LoadOptions options, OrderLedger ledger, PrintStream out) {
    this.client = client;
    this.options = options;
    this.ledger = ledger;
    this.out = out;
  }

  /** A short id unique enough per run: base-36 seconds plus random characters. */
  static String newRunId() {
    String time = Long.toString(System.currentTimeMillis() / 1000, 36);
    String random = Integer.toString(new SecureRandom().nextInt(36 * 36 * 36 * 36), 36);
    return (time + random).toLowerCase(Locale.ROOT);
  }

  Fixture run() {
    String runId = newRunId();
    long t0 = System.nanoTime();
    Sessions.Credentials adminCredentials =
        new Sessions.Credentials(options.adminEmail(), options.adminPassword());
    Session admin;
    try {
      admin = Sessions.login(client, out, adminCredentials);
    } catch (ApiException e) {
      throw new LoadgenException(
          "admin log-in as "
              + options.adminEmail()
              + " failed ("
              + e.getMessage()
              + "); is the stack up, and does the admin exist (ops/bin/stack admin)?",
          e);
    }
    step("admin " + options.adminEmail() + " logged in", t0);

    long t1 = System.nanoTime();
    List<UUID> products = new ArrayList<>();
    try {
      for (int i = 0; i < options.products(); i++) {
        Product p =
            client.createProduct(
                admin,
                ("LG-" + runId + "-" + i).toUpperCase(Locale.ROOT),
                "Loadgen product " + i + " of run " + runId,
                100 + 100L * (i % 50),
                CURRENCY);
        client.setStock(admin, p.id(), options.stock());
        products.add(p.id());
      }
    } catch (ApiException e) {
      throw new LoadgenException("creating the products failed: " + e.getMessage(), e);
    }
    step(products.size() + " products created with " + options.stock() + " on hand each", t1);

    List<Sessions.Credentials> credentials = new ArrayList<>(List.of(adminCredentials));
    List<Session> sessions = new ArrayList<>(List.of(admin));
    if (options.scenario().placesOrders()) {
      long t2 = System.nanoTime();
      registerCustomers(runId, credentials, sessions);
      step(options.customers() + " customers registered and logged in", t2);
    }
    Fixture fixture =
        new Fixture(
            runId, products, options.stock(), new Sessions(client, out, credentials, sessions));

    if (options.scenario().placesOrders()) {
      long t3 = System.nanoTime();
      awaitStockViews(fixture);
      step("the stream processor shows the stock of every product", t3);
      long t4 = System.nanoTime();
      probeOrders(fixture);
      step("order-service knows every product (probe orders placed and cancelled)", t4);
    }
    return fixture;
  }

  private void registerCustomers(
      String runId, List<Sessions.Credentials> credentials, List<Session> sessions) {
    String password = "loadgen password " + runId;
    ExecutorService pool =
        Executors.newFixedThreadPool(
            REGISTER_PARALLELISM,
            r -> {
              Thread t = new Thread(r, "loadgen-setup");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Sessions.Credentials> customers = new ArrayList<>();
      List<Future<Session>> logins = new ArrayList<>();
      for (int i = 0; i < options.customers(); i++) {
        Sessions.Credentials c =
            new Sessions.Credentials("loadgen-" + runId + "-" + i + "@example.com", password);
        customers.add(c);
        int n = i;
        logins.add(
            pool.submit(
                () -> {
                  client.register(c.email(), c.password(), "Loadgen customer " + n);
                  return Sessions.login(client, out, c);
                }));
      }
      for (int i = 0; i < logins.size(); i++) {
        credentials.add(customers.get(i));
        sessions.add(logins.get(i).get());
      }
    } catch (ExecutionException e) {
      throw new LoadgenException(
          "registering the customers failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadgenException("interrupted while registering customers", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Orders placed before the stream processor has a stock level would be UNKNOWN_PRODUCT. */
  private void awaitStockViews(Fixture fixture) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() - deadline < 0) {
      try {
        List<StockView> views = client.stockViews(fixture.admin(), fixture.products());
        Map<UUID, Long> onHand = new HashMap<>();
        views.forEach(v -> onHand.put(v.productId(), v.onHand()));
        long ready =
            fixture.products().stream()
                .filter(id -> Long.valueOf(fixture.stocked()).equals(onHand.get(id)))
                .count();
        if (ready == fixture.products().size()) {
          return;
        }
        last = ready + " of " + fixture.products().size() + " products stocked in the view";
      } catch (ApiException e) {
        // 503 while the stream processor rebalances or restores: keep polling until the deadline.
        last = e.getMessage();
      }
      pause();
    }
    throw new LoadgenException(
        "the stream processor did not show the stock within "
            + READY_TIMEOUT.toSeconds()
            + "s: "
            + last);
  }

  /**
   * Order-service prices orders from its replica of the catalog, fed asynchronously: until it has a
   * product, orders naming it are 422. A probe order per 50 products (the line limit) is retried
   * until accepted, then cancelled; the probes are in the ledger like any other order.
   */
  private void probeOrders(Fixture fixture) {
    List<UUID> products = fixture.products();
    for (int from = 0; from < products.size(); from += LoadOptions.MAX_LINES_LIMIT) {
      List<Line> lines = new ArrayList<>();
      for (UUID id : products.subList(from, Math.min(products.size(), from + 50))) {
        lines.add(new Line(id, 1));
      }
      String key = "lg-" + fixture.runId() + "-probe-" + from;
      Order order = placeWhenKnown(fixture.customer(0), key, lines);
      OrderLedger.Entry entry = ledger.accepted(0, lines, order);
      try {
        Order cancelled = client.cancel(fixture.customer(0), order.id());
        ledger.observe(entry, cancelled.status(), true);
      } catch (ApiException e) {
        // 409: it was already decided (REJECTED when stock is 0); read what it became.
        ledger.observe(
            entry, client.getOrder(fixture.customer(0), order.id(), Duration.ZERO).status(), true);
      }
    }
  }

  private Order placeWhenKnown(Session customer, String key, List<Line> lines) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (true) {
      try {
        return client.placeOrder(customer, key, lines);
      } catch (ApiException e) {
        boolean retry = e.status() == 422 || e.status() == 503 || e.isTransportFailure();
        if (!retry || System.nanoTime() - deadline > 0) {
          throw new LoadgenException(
              "order-service did not accept a probe order within "
                  + READY_TIMEOUT.toSeconds()
                  + "s: "
                  + e.getMessage(),
              e);
        }
        // A failed placement stores nothing, so the same key can be tried again.
        pause();
      }
    }
  }

  private void step(String what, long startNanos) {
    out.printf(Locale.ROOT, "setup: %s (%.1f s)%n", what, (System.nanoTime() - startNanos) / 1e9);
  }

  private static void pause() {
    try {
      Thread.sleep(READY_POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadgenException("interrupted during setup", e);
    }
  }
}
