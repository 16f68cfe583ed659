package dev.stockroom.order.api;

import java.util.UUID;

/** One requested line: which product and how many (1 to 1000). */
public record OrderLineRequest(UUID productId, Integer quantity) {}
