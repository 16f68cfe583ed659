package dev.stockroom.product.api;

/**
 * Body of {@code POST /api/v1/products/{id}/stock/adjustments}.
 *
 * @param delta the signed change, non-zero (e.g. {@code -2})
 * @param reason why (e.g. {@code "damaged"}), kept in the stock history
 */
public record AdjustStockRequest(Long delta, String reason) {}
