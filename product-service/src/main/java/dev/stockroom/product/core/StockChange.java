package dev.stockroom.product.core;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded change of a product's stock, kept as history.
 *
 * @param productId the product
 * @param delta the signed change
 * @param reason why, as the admin gave it ({@code "set"} for an absolute set without a reason)
 * @param actor the admin who made it
 * @param at when
 */
public record StockChange(UUID productId, long delta, String reason, UUID actor, Instant at) {}
