package dev.stockroom.loadgen;

import dev.stockroom.client.StockroomClient;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Catalog reads, as an anonymous shopper makes them: a random product of the run by id, and one
 * time in ten the first page of the product list. Latency counts from the intended start.
 */
final class BrowseWorkload implements Workload {
  static final int LIST_PAGE_SIZE = 20;

  private final StockroomClient client;
  private final List<UUID> products;
  private final Metrics metrics;

  BrowseWorkload(StockroomClient client, List<UUID> products, Metrics metrics) {
    this.client = client;
    this.products = List.copyOf(products);
    this.metrics = metrics;
  }

  @Override
  public CompletableFuture<?> start(long intendedStartNanos) {
    boolean measured = metrics.measured(intendedStartNanos);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (random.nextInt(10) == 0) {
      return client
          .listProductsAsync(LIST_PAGE_SIZE, null)
          .thenAccept(
              t ->
                  metrics.record(
                      Operations.PRODUCT_LIST,
                      measured,
                      RateSchedule.latencyMicros(intendedStartNanos, t.endNanos()),
                      t.errorKind()));
    }
    UUID id = products.get(random.nextInt(products.size()));
    return client
        .getProductAsync(id)
        .thenAccept(
            t ->
                metrics.record(
                    Operations.PRODUCT_GET,
                    measured,
                    RateSchedule.latencyMicros(intendedStartNanos, t.endNanos()),
                    t.errorKind()));
  }
}
