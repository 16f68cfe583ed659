package dev.stockroom.order.core;

import java.time.Instant;
import java.util.UUID;

/** A position in the newest-first order list: the last order shown. */
public record OrderCursor(Instant createdAt, UUID id) {}
