package dev.stockroom.product.events;

import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.ProductDiscontinued;
import dev.stockroom.events.ProductUpserted;
import dev.stockroom.events.StockLevelSet;
import dev.stockroom.events.Topics;
import dev.stockroom.platform.outbox.OutboxMessage;
import dev.stockroom.product.core.Product;
import dev.stockroom.product.core.StockLevel;

/**
 * Turns catalog and stock changes into outbox messages: {@code products.v1} for the catalog, {@code
 * inventory.v1} for on-hand stock. Key = product id on both, so one product's events stay in order
 * on one partition (and compaction keeps its latest).
 */
public final class ProductEvents {
  private ProductEvents() {}

  /** {@code ProductUpserted}: the product's full state after a create or an update. */
  public static OutboxMessage upserted(Product product) {
    return message(
        Topics.PRODUCTS,
        EventEnvelope.of(
            ProductUpserted.TYPE,
            product.id().toString(),
            new ProductUpserted(
                product.id(),
                product.sku(),
                product.name(),
                product.description(),
                product.priceMinor(),
                product.currency(),
                product.active(),
                product.version(),
                product.updatedAt())));
  }

  /** {@code ProductDiscontinued} with the product's version after the change. */
  public static OutboxMessage discontinued(Product product) {
    return message(
        Topics.PRODUCTS,
        EventEnvelope.of(
            ProductDiscontinued.TYPE,
            product.id().toString(),
            new ProductDiscontinued(product.id(), product.version())));
  }

  /** {@code StockLevelSet} for a stock level after any change. */
  public static OutboxMessage stockLevelSet(StockLevel level) {
    return message(
        Topics.INVENTORY,
        EventEnvelope.of(
            StockLevelSet.TYPE,
            level.productId().toString(),
            new StockLevelSet(level.productId(), level.onHand(), level.version())));
  }

  private static OutboxMessage message(String topic, EventEnvelope<?> envelope) {
    return OutboxMessage.of(
        envelope.eventId(),
        topic,
        envelope.aggregateId(),
        envelope.type(),
        EventJson.write(envelope));
  }
}
