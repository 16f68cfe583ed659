package dev.stockroom.order.core;

import java.time.Instant;
import java.util.UUID;

/** An approved payment for an order. */
public record Payment(
    UUID id,
    UUID orderId,
    long amountMinor,
    String currency,
    String gateway,
    String gatewayReference,
    Instant createdAt) {}
