package dev.stockroom.order.core;

import java.util.Optional;
import java.util.UUID;

/** Which orders to list: one user's, optionally in one status, after a cursor. */
public record OrderQuery(
    UUID userId, Optional<OrderStatus> status, Optional<OrderCursor> after, int limit) {}
