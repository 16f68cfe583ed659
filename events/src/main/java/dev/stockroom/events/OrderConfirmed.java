package dev.stockroom.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every line of the order is reserved; the order now waits for payment until {@code expiresAt}.
 * order-service enforces that deadline: it refuses later payments and publishes {@link
 * OrderExpired}, which releases the stock. {@code expiresAt} is null when the payment arrived
 * before the decision (the order is PAID at once). Published on {@link Topics#ORDER_STATUS}, key =
 * orderId.
 */
public record OrderConfirmed(UUID orderId, List<OrderLine> lines, Instant expiresAt) {
  public static final String TYPE = "OrderConfirmed";

  public OrderConfirmed {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
