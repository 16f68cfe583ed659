package dev.stockroom.e2e;

import static org.awaitility.Awaitility.await;

import dev.stockroom.client.ApiException;
import dev.stockroom.client.Endpoints;
import dev.stockroom.client.Line;
import dev.stockroom.client.Order;
import dev.stockroom.client.OrderStatusView;
import dev.stockroom.client.Product;
import dev.stockroom.client.Session;
import dev.stockroom.client.StockView;
import dev.stockroom.client.StockroomClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The started system as the tests see it: the public endpoints, one {@link StockroomClient}, the
 * admin's session, the {@link Ledger} of what the tests created, and helpers for the setup steps
 * every test repeats. Everything goes through the public HTTP APIs.
 */
public final class RunningSystem implements AutoCloseable {
  /** How long an eventually consistent step (an event crossing Kafka) may take here. */
  static final Duration EVENTUAL = Duration.ofSeconds(30);

  static final String CURRENCY = "EUR";

  /** Unique per run, so names from several runs never meet (emails, SKUs, idempotency keys). */
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  private final ProcessHarness harness;
  private final StockroomClient client;
  private final Session admin;
  private final Ledger ledger = new Ledger();
  private final AtomicInteger sequence = new AtomicInteger();

  private RunningSystem(ProcessHarness harness, StockroomClient client, Session admin) {
    this.harness = harness;
    this.client = client;
    this.admin = admin;
  }

  static RunningSystem start(E2eSettings settings) {
    ProcessHarness harness = ProcessHarness.start(settings);
    StockroomClient client = null;
    try {
      client = new StockroomClient(harness.endpoints(), Duration.ofSeconds(40));
      Session admin = client.login(ProcessHarness.ADMIN_EMAIL, ProcessHarness.ADMIN_PASSWORD);
      return new RunningSystem(harness, client, admin);
    } catch (RuntimeException e) {
      if (client != null) {
        client.close();
      }
      String tails = harness.logTails(60);
      harness.close();
      throw new IllegalStateException("the admin could not log in: " + e + "\n" + tails, e);
    }
  }

  Endpoints endpoints() {
    return harness.endpoints();
  }

  StockroomClient client() {
    return client;
  }

  Session admin() {
    return admin;
  }

  String adminEmail() {
    return ProcessHarness.ADMIN_EMAIL;
  }

  String adminPassword() {
    return ProcessHarness.ADMIN_PASSWORD;
  }

  Ledger ledger() {
    return ledger;
  }

  String logTails(int lines) {
    return harness.logTails(lines);
  }

  /** A name no other call of this run (or another run) returns: {@code <prefix>-<run>-<n>}. */
  String unique(String prefix) {
    return prefix + "-" + RUN + "-" + sequence.incrementAndGet();
  }

  /** Registers a new customer and logs in (once: the login throttle counts every attempt). */
  Session newCustomer(String label) {
    String email = unique(label) + "@example.com";
    String password = "correct horse " + unique("battery");
    client.register(email, password, label);
    return client.login(email, password);
  }

  /**
   * Creates a product with {@code onHand} in stock and waits until the stream processor's stock
   * view shows that level, so an order placed next is decided against it.
   */
  Product newProduct(String label, long priceMinor, long onHand) {
    Product product =
        client.createProduct(
            admin, unique(label).toUpperCase(Locale.ROOT), label, priceMinor, CURRENCY);
    ledger.product(product.id());
    client.setStock(admin, product.id(), onHand);
    awaitStockView(product.id(), onHand);
    return product;
  }

  /** Waits until the stock view of {@code productId} shows {@code onHand} (404 until the first). */
  StockView awaitStockView(UUID productId, long onHand) {
    AtomicReference<StockView> seen = new AtomicReference<>();
    await("stock view of " + productId + " shows onHand " + onHand)
        .atMost(EVENTUAL)
        .pollInterval(Duration.ofMillis(200))
        .ignoreException(ApiException.class)
        .until(
            () -> {
              seen.set(client.stockView(admin, productId));
              return seen.get().onHand() == onHand;
            });
    return seen.get();
  }

  /**
   * Places an order and records it in the ledger. order-service learns of new products from {@code
   * products.v1}, so right after a product is created it may still answer 422 (unknown product):
   * such answers are retried with the same idempotency key (a failed request stores nothing) until
   * the replica has caught up.
   */
  Order place(Session customer, List<Line> lines) {
    String key = unique("order");
    long deadline = System.nanoTime() + EVENTUAL.toNanos();
    while (true) {
      try {
        Order placed = client.placeOrder(customer, key, lines);
        ledger.order(placed.id(), customer, lines);
        return placed;
      } catch (ApiException e) {
        if (e.status() != 422 || System.nanoTime() > deadline) {
          throw e;
        }
      }
      pause(Duration.ofMillis(250));
    }
  }

  /** Waits (long-polling) until the order has one of {@code statuses}. */
  Order awaitStatus(Session customer, UUID orderId, Set<String> statuses) {
    return client.awaitStatus(customer, orderId, EVENTUAL, statuses);
  }

  /**
   * Waits until the stream processor's view of the order shows {@code status} (it may lag behind
   * order-service, which applies a cancel or a payment first and tells the processor through
   * Kafka).
   */
  OrderStatusView awaitOrderStatusView(Session owner, UUID orderId, String status) {
    AtomicReference<OrderStatusView> seen = new AtomicReference<>();
    await("order-status view of " + orderId + " shows " + status)
        .atMost(EVENTUAL)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              seen.set(client.orderStatus(owner, orderId, Duration.ZERO));
              return seen.get().status().equals(status);
            });
    return seen.get();
  }

  /** Waits until the stock view's {@code reserved} of {@code productId} is {@code reserved}. */
  StockView awaitReserved(UUID productId, long reserved) {
    AtomicReference<StockView> seen = new AtomicReference<>();
    await("stock view of " + productId + " shows reserved " + reserved)
        .atMost(EVENTUAL)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              seen.set(client.stockView(admin, productId));
              return seen.get().reserved() == reserved;
            });
    return seen.get();
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      harness.close();
    }
  }
}
