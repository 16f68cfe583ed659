package dev.stockroom.loadgen;

import dev.stockroom.client.Line;
import dev.stockroom.client.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every order this run placed, with the lines it asked for and the last status seen, for the
 * end-of-run checks. Placements whose outcome is unknown (no answer, a 5xx, an unreadable 201) are
 * kept apart: the order may exist, so they are replayed with the same idempotency key at the end.
 */
final class OrderLedger {
  /** One accepted order; {@code status} only moves forward, as the lifecycle does. */
  static final class Entry {
    final UUID id;
    final int customer;
    final List<Line> lines;
    private volatile String status;
    private volatile boolean terminalInTime;

    Entry(UUID id, int customer, List<Line> lines, String status) {
      this.id = id;
      this.customer = customer;
      this.lines = List.copyOf(lines);
      this.status = status;
    }

    String status() {
      return status;
    }

    /** Whether a terminal status was observed before the order's terminal timeout ran out. */
    boolean terminalInTime() {
      return terminalInTime;
    }
  }

  /** A placement that got no usable answer: who, with which key, for which lines. */
  record Uncertain(int customer, String idempotencyKey, List<Line> lines) {}

  private final Map<UUID, Entry> orders = new ConcurrentHashMap<>();
  private final Queue<Uncertain> uncertain = new ConcurrentLinkedQueue<>();

  /** A 201: the order exists. A replayed key returns the same id, which is recorded once. */
  Entry accepted(int customer, List<Line> lines, Order order) {
    Entry e = orders.computeIfAbsent(order.id(), id -> new Entry(id, customer, lines, "PENDING"));
    observe(e, order.status(), true);
    return e;
  }

  /**
   * Records a status seen in an answer. {@code inTime} says it was seen before the order's terminal
   * timeout; a terminal status seen later is kept as the status but not as in time.
   */
  void observe(Entry e, String status, boolean inTime) {
    if (status == null) {
      return;
    }
    synchronized (e) {
      if (!Order.TERMINAL.contains(e.status)) {
        e.status = status;
      }
      if (inTime && Order.TERMINAL.contains(e.status)) {
        e.terminalInTime = true;
      }
    }
  }

  void uncertain(int customer, String idempotencyKey, List<Line> lines) {
    uncertain.add(new Uncertain(customer, idempotencyKey, lines));
  }

  /** Takes the uncertain placements out, for the replay. */
  List<Uncertain> drainUncertain() {
    List<Uncertain> out = new ArrayList<>();
    for (Uncertain u; (u = uncertain.poll()) != null; ) {
      out.add(u);
    }
    return out;
  }

  List<Entry> orders() {
    return new ArrayList<>(orders.values());
  }

  int size() {
    return orders.size();
  }
}
