package dev.stockroom.order.api;

import dev.stockroom.order.core.Order;
import dev.stockroom.order.core.Payment;
import java.time.Instant;
import java.util.UUID;

/** An approved payment and the order it paid. */
public record PaymentResponse(
    UUID paymentId,
    UUID orderId,
    long amountMinor,
    String currency,
    String gateway,
    Instant createdAt,
    OrderResponse order) {
  public static PaymentResponse from(Order order, Payment payment) {
    return new PaymentResponse(
        payment.id(),
        payment.orderId(),
        payment.amountMinor(),
        payment.currency(),
        payment.gateway(),
        payment.createdAt(),
        OrderResponse.from(order));
  }
}
