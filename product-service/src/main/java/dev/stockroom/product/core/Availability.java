package dev.stockroom.product.core;

/**
 * What the stream processor last reported for a product (from {@code stock.v1}): units reserved by
 * live orders and units still available to order.
 *
 * @param onHand the on-hand quantity the view was computed from
 * @param reserved units reserved by confirmed and pending orders
 * @param available {@code max(0, onHand - reserved)}
 * @param version the stock version ({@code StockLevelSet.version}) the view reflects
 */
public record Availability(long onHand, long reserved, long available, long version) {}
