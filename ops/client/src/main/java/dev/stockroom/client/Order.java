package dev.stockroom.client;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An order as order-service shows it. {@code status} is PENDING, CONFIRMED, PAID, REJECTED,
 * CANCELLED or EXPIRED; {@code statusReason} says why a rejected order was rejected; {@code
 * expiresAt} is the payment deadline of a CONFIRMED order (null otherwise).
 */
public record Order(
    UUID id,
    String status,
    String statusReason,
    Instant expiresAt,
    List<OrderLine> lines,
    long totalMinor,
    String currency) {
  /**
   * The statuses an order never leaves. CONFIRMED is not one of them: it still ends PAID, CANCELLED
   * or EXPIRED.
   */
  public static final Set<String> TERMINAL = Set.of("PAID", "REJECTED", "CANCELLED", "EXPIRED");

  public Order {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  public boolean isTerminal() {
    return TERMINAL.contains(status);
  }
}
