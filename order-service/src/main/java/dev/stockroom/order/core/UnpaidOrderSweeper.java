package dev.stockroom.order.core;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires CONFIRMED orders whose payment deadline has passed, in batches, until none is overdue.
 * Several replicas may sweep at once: each order is expired under its row lock, once.
 */
public final class UnpaidOrderSweeper implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(UnpaidOrderSweeper.class);

  private final OrderService orders;
  private final int batchSize;

  public UnpaidOrderSweeper(OrderService orders, int batchSize) {
    this.orders = Objects.requireNonNull(orders, "orders");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    this.batchSize = batchSize;
  }

  @Override
  public void run() {
    try {
      int expired;
      do {
        expired = orders.expireUnpaid(batchSize);
        if (expired > 0) {
          LOG.info("Expired {} unpaid orders", expired);
        }
      } while (expired == batchSize);
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again; log and try on the next tick.
      LOG.warn("Could not expire unpaid orders: {}", e.toString());
    }
  }
}
