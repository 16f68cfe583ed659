package dev.stockroom.e2e;

import dev.stockroom.client.Line;
import dev.stockroom.client.Session;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the tests created, across test classes: every product and every accepted order with the
 * session that may read it, so {@code InvariantsIT} can check them all at the end of the run.
 */
final class Ledger {
  /** An order order-service accepted (201), as placed. */
  record PlacedOrder(UUID id, Session owner, List<Line> lines) {}

  private final Set<UUID> products = new LinkedHashSet<>();
  private final List<PlacedOrder> orders = new ArrayList<>();

  synchronized void product(UUID id) {
    products.add(id);
  }

  synchronized void order(UUID id, Session owner, List<Line> lines) {
    orders.add(new PlacedOrder(id, owner, List.copyOf(lines)));
  }

  synchronized Set<UUID> products() {
    return Set.copyOf(products);
  }

  synchronized List<PlacedOrder> orders() {
    return List.copyOf(orders);
  }
}
