package dev.stockroom.orderstream.topology;

import java.util.UUID;

/**
 * The stock side's answer to a reserve command, on the internal line-results topic keyed by
 * orderId. {@code outcome} is RESERVED, OUT_OF_STOCK or UNKNOWN_PRODUCT.
 */
record LineResult(UUID orderId, int lineNo, UUID productId, int quantity, LineStatus outcome) {}
