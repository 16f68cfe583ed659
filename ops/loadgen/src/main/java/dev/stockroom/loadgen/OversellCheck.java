package dev.stockroom.loadgen;

import dev.stockroom.client.Line;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The arithmetic of the end-of-run check, separate from HTTP so it can be tested on made-up orders.
 * An order holds stock while it is CONFIRMED and after it is PAID; cancelled, expired and rejected
 * orders hold none (their reservations were released). So once every order is terminal, per
 * product: what the orders hold must fit in what was stocked (no oversell), and the stream
 * processor's {@code reserved} must equal it exactly (nothing leaked, nothing lost).
 */
final class OversellCheck {
  /** The statuses in which an order's lines hold stock. */
  static final Set<String> HOLDING = Set.of("CONFIRMED", "PAID");

  /** The four statuses an order ends in, in report order. */
  static final List<String> TERMINAL_STATUSES = List.of("PAID", "CANCELLED", "REJECTED", "EXPIRED");

  /** An order's last known status and the lines it asked for. */
  record OrderOutcome(String status, List<Line> lines) {}

  private OversellCheck() {}

  /** Per product, the quantity held by orders CONFIRMED or PAID. */
  static Map<UUID, Long> heldQuantities(Collection<OrderOutcome> orders) {
    Map<UUID, Long> held = new HashMap<>();
    for (OrderOutcome o : orders) {
      if (HOLDING.contains(o.status())) {
        for (Line line : o.lines()) {
          held.merge(line.productId(), (long) line.quantity(), Long::sum);
        }
      }
    }
    return held;
  }

  /** How many orders ended in each terminal status; every status present, zero or not. */
  static Map<String, Long> terminalCounts(Collection<String> terminalStatuses) {
    Map<String, Long> counts = new LinkedHashMap<>();
    TERMINAL_STATUSES.forEach(s -> counts.put(s, 0L));
    for (String s : terminalStatuses) {
      counts.merge(s, 1L, Long::sum);
    }
    return counts;
  }

  /**
   * One line per product: stocked, held by this run's orders, reserved in the view (null when the
   * view had no answer for it). The report is ok when every product is.
   */
  static OversellReport evaluate(
      List<UUID> products, long stocked, Map<UUID, Long> held, Map<UUID, Long> reservedInView) {
    List<OversellReport.ProductCheck> checks = new ArrayList<>();
    boolean ok = true;
    for (UUID id : products) {
      OversellReport.ProductCheck c =
          new OversellReport.ProductCheck(
              id, stocked, held.getOrDefault(id, 0L), reservedInView.get(id));
      ok &= c.ok();
      checks.add(c);
    }
    return new OversellReport(ok, checks);
  }
}
