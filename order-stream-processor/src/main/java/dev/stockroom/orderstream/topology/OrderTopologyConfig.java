package dev.stockroom.orderstream.topology;

import dev.stockroom.events.Topics;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything {@link OrderTopology#build} needs to know, passed in so the topology reads no
 * environment.
 *
 * @param ordersTopic input: OrderPlaced, OrderCancelled, OrderPaid, OrderExpired keyed by orderId
 * @param inventoryTopic input: StockLevelSet keyed by productId
 * @param orderStatusTopic output: OrderConfirmed, OrderRejected, OrderReleased keyed by orderId
 * @param stockTopic output: StockView keyed by productId
 * @param stockCommandsTopic internal: reserve and release commands keyed by productId; must have as
 *     many partitions as {@code inventoryTopic}
 * @param lineResultsTopic internal: per-line reservation results keyed by orderId; must have as
 *     many partitions as {@code ordersTopic}
 * @param deadLetterTopic records that cannot be read or break the contract, with the reason in
 *     headers
 * @param reservationTtl how long a confirmed order keeps its stock without being paid; the deadline
 *     goes out in OrderConfirmed and order-service enforces it
 * @param terminalOrderRetention how long an order stays in {@code order-state} after it became
 *     PAID, REJECTED, CANCELLED or EXPIRED. It is the duplicate guard too, so this must exceed how
 *     late a redelivered order event can arrive (the outbox re-sends within minutes; {@code
 *     ordersTopic} keeps records for 7 days)
 * @param terminalOrderScanInterval how often (wall-clock) the order processor forgets the terminal
 *     orders whose retention has passed
 */
public record OrderTopologyConfig(
    String ordersTopic,
    String inventoryTopic,
    String orderStatusTopic,
    String stockTopic,
    String stockCommandsTopic,
    String lineResultsTopic,
    String deadLetterTopic,
    Duration reservationTtl,
    Duration terminalOrderRetention,
    Duration terminalOrderScanInterval) {

  /** Prefix of the topics only this application reads and writes. */
  public static final String DEFAULT_INTERNAL_PREFIX = "stockroom-order-stream";

  public static final Duration DEFAULT_RESERVATION_TTL = Duration.ofMinutes(15);

  /** Twice the 7 days {@code orders.v1} keeps a record, so no redelivery outlives its order. */
  public static final Duration DEFAULT_TERMINAL_ORDER_RETENTION = Duration.ofDays(14);

  /**
   * With {@link OrderProcessor#MAX_FORGOTTEN_PER_SCAN} this is how fast ended orders can be
   * forgotten: up to 1,000 a second per task, the system's end-to-end target. A scan with nothing
   * due is one store seek, so scanning often costs next to nothing.
   */
  public static final Duration DEFAULT_TERMINAL_ORDER_SCAN_INTERVAL = Duration.ofSeconds(1);

  public OrderTopologyConfig {
    List<String> topics =
        List.of(
            Objects.requireNonNull(ordersTopic, "ordersTopic"),
            Objects.requireNonNull(inventoryTopic, "inventoryTopic"),
            Objects.requireNonNull(orderStatusTopic, "orderStatusTopic"),
            Objects.requireNonNull(stockTopic, "stockTopic"),
            Objects.requireNonNull(stockCommandsTopic, "stockCommandsTopic"),
            Objects.requireNonNull(lineResultsTopic, "lineResultsTopic"),
            Objects.requireNonNull(deadLetterTopic, "deadLetterTopic"));
    Set<String> distinct = new HashSet<>(topics);
    if (distinct.size() != topics.size()) {
      throw new IllegalArgumentException("every topic must have its own name: " + topics);
    }
    if (topics.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("topic names must not be blank: " + topics);
    }
    requirePositive(reservationTtl, "reservationTtl");
    requirePositive(terminalOrderRetention, "terminalOrderRetention");
    requirePositive(terminalOrderScanInterval, "terminalOrderScanInterval");
  }

  /** The public topics from {@link Topics}, internal topics under the default prefix. */
  public static OrderTopologyConfig defaults() {
    return withInternalPrefix(DEFAULT_INTERNAL_PREFIX);
  }

  /** The public topics from {@link Topics}, internal topics named {@code <prefix>.<purpose>}. */
  public static OrderTopologyConfig withInternalPrefix(String prefix) {
    return new OrderTopologyConfig(
        Topics.ORDERS,
        Topics.INVENTORY,
        Topics.ORDER_STATUS,
        Topics.STOCK,
        prefix + ".stock-commands",
        prefix + ".line-results",
        prefix + ".dlq",
        DEFAULT_RESERVATION_TTL,
        DEFAULT_TERMINAL_ORDER_RETENTION,
        DEFAULT_TERMINAL_ORDER_SCAN_INTERVAL);
  }

  public OrderTopologyConfig withReservationTtl(Duration ttl) {
    return new OrderTopologyConfig(
        ordersTopic,
        inventoryTopic,
        orderStatusTopic,
        stockTopic,
        stockCommandsTopic,
        lineResultsTopic,
        deadLetterTopic,
        ttl,
        terminalOrderRetention,
        terminalOrderScanInterval);
  }

  public OrderTopologyConfig withTerminalOrderRetention(Duration retention) {
    return new OrderTopologyConfig(
        ordersTopic,
        inventoryTopic,
        orderStatusTopic,
        stockTopic,
        stockCommandsTopic,
        lineResultsTopic,
        deadLetterTopic,
        reservationTtl,
        retention,
        terminalOrderScanInterval);
  }

  public OrderTopologyConfig withTerminalOrderScanInterval(Duration interval) {
    return new OrderTopologyConfig(
        ordersTopic,
        inventoryTopic,
        orderStatusTopic,
        stockTopic,
        stockCommandsTopic,
        lineResultsTopic,
        deadLetterTopic,
        reservationTtl,
        terminalOrderRetention,
        interval);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + duration);
    }
  }
}
