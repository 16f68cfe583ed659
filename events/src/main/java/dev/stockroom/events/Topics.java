package dev.stockroom.events;

import java.util.List;

/**
 * Every Kafka topic Stockroom uses, in one place. A breaking contract change is a new topic (a new
 * version suffix), never an in-place edit.
 */
public final class Topics {
  /** Account events from user-service. Key: userId. Cleanup: delete. */
  public static final String USERS = "users.v1";

  /** Catalog snapshots from product-service. Key: productId. Cleanup: compact. */
  public static final String PRODUCTS = "products.v1";

  /** On-hand stock levels from product-service. Key: productId. Cleanup: compact. */
  public static final String INVENTORY = "inventory.v1";

  /** Order commands and facts from order-service. Key: orderId. Cleanup: delete. */
  public static final String ORDERS = "orders.v1";

  /** Decisions from the stream processor. Key: orderId. Cleanup: delete. */
  public static final String ORDER_STATUS = "order-status.v1";

  /** Stock views from the stream processor. Key: productId. Cleanup: compact. */
  public static final String STOCK = "stock.v1";

  /** All topics, for tooling that creates or lists them. */
  public static final List<String> ALL =
      List.of(USERS, PRODUCTS, INVENTORY, ORDERS, ORDER_STATUS, STOCK);

  private Topics() {}
}
