package dev.stockroom.product.api;

/**
 * Body of {@code PUT /api/v1/products/{id}/stock}.
 *
 * @param onHand the counted quantity, 0 or more
 */
public record SetStockRequest(Long onHand) {}
