package dev.stockroom.client;

import java.util.UUID;

/** An approved payment and the order it paid (now PAID). */
public record Payment(UUID paymentId, UUID orderId, Order order) {}
