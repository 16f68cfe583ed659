package dev.stockroom.order.core;

import java.util.UUID;

/** One line as the customer asked for it, not yet checked (either field may be missing). */
public record RequestedLine(UUID productId, Integer quantity) {}
