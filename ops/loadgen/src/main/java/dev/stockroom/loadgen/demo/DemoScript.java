package dev.stockroom.loadgen.demo;

import dev.stockroom.client.Account;
import dev.stockroom.client.ApiException;
import dev.stockroom.client.Line;
import dev.stockroom.client.Order;
import dev.stockroom.client.OrderLine;
import dev.stockroom.client.Payment;
import dev.stockroom.client.Product;
import dev.stockroom.client.Session;
import dev.stockroom.client.Stock;
import dev.stockroom.client.StockView;
import dev.stockroom.client.StockroomClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The walk-through itself: each step calls the public APIs, prints what it got, and checks it
 * against what the architecture promises. The products, the customer and the orders are new in
 * every run (ids and SKUs carry the run id), so the expected stock numbers are exact.
 */
final class DemoScript {
  private static final long MUG_STOCK = 10;
  private static final long LAMP_STOCK = 2;

  /** How long one long-poll asks order-service to hold the request for a decision. */
  private static final Duration DECISION_WAIT = Duration.ofSeconds(10);

  private static final int DECISION_POLLS = 3;

  /** The stock view follows the decisions through Kafka; it gets this long to catch up. */
  private static final Duration VIEW_WAIT = Duration.ofSeconds(10);

  /** order-service learns new products from products.v1, asynchronously. */
  private static final Duration REPLICA_WAIT = Duration.ofSeconds(15);

  private final StockroomClient client;
  private final Narrator narrator;
  private final Poller poller;
  private final String adminEmail;
  private final String adminPassword;
  private final String run;

  // What the steps hand on to each other.
  private Session admin;
  private Session customer;
  private Product mug;
  private Product lamp;
  private Order firstOrder;

  DemoScript(
      StockroomClient client,
      Narrator narrator,
      String adminEmail,
      String adminPassword,
      String run) {
    this.client = client;
    this.narrator = narrator;
    this.poller = new Poller(narrator);
    this.adminEmail = adminEmail;
    this.adminPassword = adminPassword;
    this.run = run;
  }

  /** Runs the steps in order and stops at the first that misbehaves; true when none did. */
  boolean run() {
    try {
      logInAdmin();
      createProducts();
      stockProducts();
      registerCustomer();
      placeAndConfirm();
      showReservations();
      // Paid right after it is confirmed: a stack with a short reservation TTL (the end-to-end
      // tests use seconds) would otherwise expire it while the other steps run.
      payFirstOrder();
      rejectForStock();
      cancelConfirmed();
      showFinalViews();
      narrator.ok("All " + narrator.steps() + " steps behaved as expected.");
      return true;
    } catch (StepFailed e) {
      narrator.failure(narrator.shorten(e.getMessage()));
    } catch (ApiException e) {
      narrator.failure(narrator.shorten(e.getMessage()));
      String hint = hint(e);
      if (!hint.isEmpty()) {
        narrator.detail("hint: " + hint);
      }
    }
    narrator.detail("The demo stopped at step " + narrator.steps() + ".");
    return false;
  }

  private void logInAdmin() {
    narrator.step("Log in as the admin");
    admin = client.login(adminEmail, adminPassword);
    narrator.detail(adminEmail + "  user " + admin.userId());
  }

  private void createProducts() {
    narrator.step("Create two products (admin)");
    mug = createProduct("mug", "MUG", "Demo mug", 1250);
    lamp = createProduct("lamp", "LAMP", "Demo lamp", 4999);
  }

  private Product createProduct(String name, String suffix, String title, long priceMinor) {
    String sku = ("DEMO-" + run + "-" + suffix).toUpperCase(Locale.ROOT);
    Product product = client.createProduct(admin, sku, title, priceMinor, "EUR");
    narrator.name(product.id(), name);
    narrator.detail(
        String.format(
            "%-7s %s  %s  %s  id %s",
            "{" + name + "}",
            product.sku(),
            product.name(),
            Narrator.money(product.priceMinor(), product.currency()),
            product.id()));
    return product;
  }

  private void stockProducts() {
    narrator.step("Stock them: 10 mugs and 2 lamps (read the stock ETag, PUT with If-Match)");
    for (Product product : List.of(mug, lamp)) {
      long onHand = product == mug ? MUG_STOCK : LAMP_STOCK;
      Stock stock = client.setStock(admin, product.id(), onHand);
      if (stock.onHand() != onHand) {
        throw new StepFailed(
            "stock of " + product.id() + " is " + stock.onHand() + ", not " + onHand);
      }
      narrator.detail(
          narrator.shorten(product.id() + " on hand " + stock.onHand())
              + " (stock version "
              + stock.version()
              + ")");
    }
    narrator.detail("The stream processor picks the levels up from inventory.v1:");
    showViews(awaitViews("the stock view to show the new levels", 0, 0));
  }

  private void registerCustomer() {
    narrator.step("Register a customer and log in");
    String email = "demo-" + run + "@example.com";
    String password = "demo password " + run;
    Account account = client.register(email, password, "Demo customer " + run);
    customer = client.login(email, password);
    narrator.detail(email + "  user " + account.id() + "  roles " + account.roles());
  }

  private void placeAndConfirm() {
    narrator.step("Place a two-line order and long-poll until it is CONFIRMED");
    Order placed = place("order-1", "1", List.of(new Line(mug.id(), 3), new Line(lamp.id(), 1)));
    firstOrder = decide(placed, "CONFIRMED");
    narrator.detail(
        narrator.shorten(firstOrder.id().toString())
            + " CONFIRMED: the stream processor reserved every line");
    narrator.detail(
        "unpaid by "
            + firstOrder.expiresAt()
            + ", it would expire and its stock would go back on the shelf");
  }

  private void showReservations() {
    narrator.step("The stock view shows what the order reserved");
    showViews(awaitViews("the stock view to show 3 mugs and 1 lamp reserved", 3, 1));
  }

  private void payFirstOrder() {
    narrator.step("Pay order-1 with the sandbox card tok_visa: PAID");
    Payment payment = client.pay(customer, firstOrder.id(), key("pay-1"), "tok_visa");
    expectStatus(payment.order(), "PAID");
    narrator.detail(
        "payment "
            + payment.paymentId()
            + narrator.shorten(": " + payment.orderId() + " PAID, ")
            + Narrator.money(payment.order().totalMinor(), payment.order().currency()));
  }

  private void rejectForStock() {
    narrator.step("Order more lamps than are available: REJECTED");
    Order placed = place("order-2", "2", List.of(new Line(mug.id(), 1), new Line(lamp.id(), 5)));
    Order rejected = decide(placed, "REJECTED");
    narrator.detail(
        narrator.shorten(rejected.id().toString())
            + " REJECTED, reason "
            + rejected.statusReason());
    for (OrderLine line : rejected.lines()) {
      String reason = line.rejectionReason();
      narrator.detail(
          narrator.shorten(
              "  "
                  + line.quantity()
                  + " x "
                  + line.productId()
                  + ": "
                  + (reason == null ? "could be reserved (released again)" : reason)));
    }
    OrderLine lampLine =
        rejected.lines().stream()
            .filter(l -> l.productId().equals(lamp.id()))
            .findFirst()
            .orElseThrow(() -> new StepFailed("the rejected order has no lamp line"));
    if (!"OUT_OF_STOCK".equals(rejected.statusReason())
        || !"OUT_OF_STOCK".equals(lampLine.rejectionReason())) {
      throw new StepFailed(
          "expected reason OUT_OF_STOCK on the order and its lamp line, got "
              + rejected.statusReason()
              + " and "
              + lampLine.rejectionReason());
    }
    narrator.detail("Nothing stays reserved for it:");
    showViews(awaitViews("the mug line's reservation to be released", 3, 1));
  }

  private void cancelConfirmed() {
    narrator.step("Cancel a CONFIRMED order: its reservation is released");
    Order placed = place("order-3", "3", List.of(new Line(mug.id(), 2)));
    Order confirmed = decide(placed, "CONFIRMED");
    narrator.detail(narrator.shorten(confirmed.id().toString()) + " CONFIRMED");
    StockView before =
        awaitViews("the stock view to show order-3's 2 mugs reserved", 5, 1).get(mug.id());
    narrator.detail("before: " + describe(before));
    Order cancelled = client.cancel(customer, confirmed.id());
    expectStatus(cancelled, "CANCELLED");
    narrator.detail(narrator.shorten(cancelled.id().toString()) + " CANCELLED");
    StockView after = awaitViews("the stock view to release order-3's 2 mugs", 3, 1).get(mug.id());
    narrator.detail("after:  " + describe(after));
  }

  private void showFinalViews() {
    narrator.step("Final stock views: only the PAID order-1 holds stock");
    showViews(awaitViews("the stock view to show order-1's 3 mugs and 1 lamp", 3, 1));
  }

  /**
   * Places an order, retrying while order-service answers 422 because it has not yet read the new
   * products from products.v1. A refused request stores nothing, so the same key can be reused.
   */
  private Order place(String name, String number, List<Line> lines) {
    Order order =
        poller.until(
            "order-service accepting the order",
            REPLICA_WAIT,
            Set.of(422),
            () -> client.placeOrder(customer, key("order-" + number), lines),
            o -> true,
            Order::status);
    narrator.name(order.id(), name);
    String items =
        order.lines().stream()
            .map(l -> l.quantity() + " x " + l.productId())
            .collect(Collectors.joining(" + "));
    // The full id once, here; every later line shows the short name.
    narrator.detail(
        "{"
            + name
            + "} = "
            + order.id()
            + narrator.shorten("  " + order.status() + "  " + items + " = ")
            + Narrator.money(order.totalMinor(), order.currency()));
    return order;
  }

  /** Long-polls order-service until the order leaves PENDING, and checks where it went. */
  private Order decide(Order placed, String expected) {
    Order order = placed;
    for (int i = 0; i < DECISION_POLLS && "PENDING".equals(order.status()); i++) {
      order = client.getOrder(customer, order.id(), DECISION_WAIT);
    }
    expectStatus(order, expected);
    return order;
  }

  private Map<UUID, StockView> awaitViews(String expected, long mugReserved, long lampReserved) {
    List<StockView> views =
        poller.until(
            expected,
            VIEW_WAIT,
            Set.of(404, 503),
            () -> client.stockViews(admin, List.of(mug.id(), lamp.id())),
            v -> shows(v, mug, MUG_STOCK, mugReserved) && shows(v, lamp, LAMP_STOCK, lampReserved),
            v -> v.isEmpty() ? "no views yet" : v.stream().map(this::describe).toList().toString());
    Map<UUID, StockView> byProduct = new HashMap<>();
    views.forEach(v -> byProduct.put(v.productId(), v));
    return byProduct;
  }

  private static boolean shows(List<StockView> views, Product product, long onHand, long reserved) {
    return views.stream()
        .anyMatch(
            v ->
                v.productId().equals(product.id())
                    && v.onHand() == onHand
                    && v.reserved() == reserved
                    && v.available() == Math.max(0, onHand - reserved));
  }

  private void showViews(Map<UUID, StockView> views) {
    narrator.detail(describe(views.get(mug.id())));
    narrator.detail(describe(views.get(lamp.id())));
  }

  private String describe(StockView view) {
    return String.format(
        "%-7s on hand %3d   reserved %3d   available %3d",
        narrator.shorten(view.productId().toString()),
        view.onHand(),
        view.reserved(),
        view.available());
  }

  private String key(String what) {
    return "demo-" + run + "-" + what;
  }

  private void expectStatus(Order order, String expected) {
    if (!expected.equals(order.status())) {
      String reason = order.statusReason() == null ? "" : " (" + order.statusReason() + ")";
      String hint =
          "PENDING".equals(order.status())
              ? "; is order-stream-processor running and reading orders.v1?"
              : "";
      throw new StepFailed(
          narrator.shorten(order.id().toString())
              + " is "
              + order.status()
              + reason
              + ", expected "
              + expected
              + hint);
    }
  }

  /** What to try next, for the failures a person running the demo can fix; empty if none. */
  private String hint(ApiException e) {
    if (e.kind().equals(ApiException.CONNECT)) {
      return "nothing answers there: is the stack up? (ops/bin/stack up, ops/bin/stack status)";
    }
    if (e.kind().equals(ApiException.TIMEOUT)) {
      return "the service did not answer in time (ops/bin/stack status)";
    }
    if (e.status() == 401 && admin == null) {
      return "does the admin exist, with this password? (ops/bin/stack admin;"
          + " STOCKROOM_ADMIN_EMAIL, STOCKROOM_ADMIN_PASSWORD)";
    }
    if (e.status() == 429) {
      return e.retryAfter()
          .map(d -> "log-ins are throttled, try again in " + d.toSeconds() + " s")
          .orElse("log-ins are throttled, try again later");
    }
    return "";
  }
}
