package dev.stockroom.loadgen;

import dev.stockroom.client.ApiException;
import dev.stockroom.client.Order;
import dev.stockroom.client.Session;
import dev.stockroom.client.StockView;
import dev.stockroom.client.StockroomClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * After the load: settles what is unknown, then checks the run's orders against the stock view.
 *
 * <ol>
 *   <li>Placements that got no usable answer are replayed with their idempotency key: order-service
 *       returns the order if it exists (or creates it now), and it is cancelled, so every order
 *       this run may have made is accounted for.
 *   <li>Orders not seen terminal within the terminal timeout are counted as not terminal, re-read,
 *       and cancelled when still open, so the stack is not left holding their stock.
 *   <li>Per product, the quantity held by CONFIRMED and PAID orders must fit in the stock, and the
 *       stream processor's {@code reserved} must equal it; the view is polled up to {@link
 *       #VIEW_SETTLE} for releases still on their way.
 * </ol>
 */
final class EndOfRunCheck {
  static final Duration VIEW_SETTLE = Duration.ofSeconds(10);
  static final String UNRESOLVED_PLACEMENT = "unresolved_placement";

  private static final Duration VIEW_POLL = Duration.ofMillis(250);

  /** What the report needs from the check. */
  record Result(
      long ordersAccepted,
      Map<String, Long> ordersTerminal,
      long ordersNotTerminal,
      long unresolvedPlacements,
      long replayed,
      OversellReport oversell) {}

  private final StockroomClient client;
  private final Fixture fixture;
  private final OrderLedger ledger;
  private final PrintStream out;

  EndOfRunCheck(StockroomClient client, Fixture fixture, OrderLedger ledger, PrintStream out) {
    this.client = client;
    this.fixture = fixture;
    this.ledger = ledger;
    this.out = out;
  }

  Result run() {
    long replayed = 0;
    long unresolved = 0;
    for (OrderLedger.Uncertain u : ledger.drainUncertain()) {
      Session s = fixture.customer(u.customer());
      try {
        Order order = client.placeOrder(s, u.idempotencyKey(), u.lines());
        OrderLedger.Entry entry = ledger.accepted(u.customer(), u.lines(), order);
        replayed++;
        settle(entry, s);
      } catch (ApiException e) {
        if (e.status() == 0 || e.status() >= 500) {
          unresolved++;
        }
        // A 4xx stores nothing: the first attempt made no order either.
      }
    }
    if (replayed + unresolved > 0) {
      out.printf(
          "check: replayed %d placements that had no usable answer (%d still unknown)%n",
          replayed, unresolved);
    }

    List<OrderLedger.Entry> late = new ArrayList<>();
    List<String> terminal = new ArrayList<>();
    for (OrderLedger.Entry e : ledger.orders()) {
      if (e.terminalInTime()) {
        terminal.add(e.status());
      } else {
        late.add(e);
      }
    }
    for (OrderLedger.Entry e : late) {
      Session s = fixture.customer(e.customer);
      try {
        ledger.observe(e, client.getOrder(s, e.id, Duration.ZERO).status(), false);
        if (!Order.TERMINAL.contains(e.status())) {
          ledger.observe(e, client.cancel(s, e.id).status(), false);
        }
      } catch (ApiException ex) {
        out.println("check: could not settle order " + e.id + ": " + ex.getMessage());
      }
    }
    if (!late.isEmpty()) {
      out.printf(
          "check: %d orders were not terminal within the terminal timeout (open ones cancelled)%n",
          late.size());
    }

    List<OversellCheck.OrderOutcome> outcomes = new ArrayList<>();
    for (OrderLedger.Entry e : ledger.orders()) {
      outcomes.add(new OversellCheck.OrderOutcome(e.status(), e.lines));
    }
    Map<UUID, Long> held = OversellCheck.heldQuantities(outcomes);
    OversellReport oversell = settleView(held);
    return new Result(
        ledger.size(),
        OversellCheck.terminalCounts(terminal),
        late.size(),
        unresolved,
        replayed,
        oversell);
  }

  /** A replayed order is cancelled (or read, if it already ended) so it ends terminal. */
  private void settle(OrderLedger.Entry entry, Session s) {
    if (Order.TERMINAL.contains(entry.status())) {
      return;
    }
    try {
      ledger.observe(entry, client.cancel(s, entry.id).status(), true);
    } catch (ApiException e) {
      ledger.observe(entry, client.getOrder(s, entry.id, Duration.ZERO).status(), true);
    }
  }

  private OversellReport settleView(Map<UUID, Long> held) {
    long deadline = System.nanoTime() + VIEW_SETTLE.toNanos();
    OversellReport report;
    while (true) {
      Map<UUID, Long> reserved = new HashMap<>();
      try {
        for (StockView v : client.stockViews(fixture.admin(), fixture.products())) {
          reserved.put(v.productId(), v.reserved());
        }
      } catch (ApiException e) {
        // 503 during a rebalance: the products stay without a view value unless a retry works.
        out.println("check: stock view not available: " + e.getMessage());
      }
      report = OversellCheck.evaluate(fixture.products(), fixture.stocked(), held, reserved);
      if (report.ok() || System.nanoTime() - deadline > 0) {
        return report;
      }
      try {
        Thread.sleep(VIEW_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return report;
      }
    }
  }
}
