package dev.stockroom.order.events;

import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.InvalidEventException;
import dev.stockroom.events.ProductDiscontinued;
import dev.stockroom.events.ProductUpserted;
import dev.stockroom.order.db.ProductReplicaDao;
import dev.stockroom.platform.consumer.RecordHandler;
import dev.stockroom.platform.db.SqlObjects;
import java.time.Clock;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code product_replica} in step with {@code products.v1}. Each product carries a version,
 * and only a newer version replaces what is held, so redeliveries and replays of the compacted
 * topic change nothing and an old snapshot never overwrites a newer one.
 */
public final class ProductReplicaHandler implements RecordHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProductReplicaHandler.class);

  private final ProductReplicaDao replica;
  private final Clock clock;

  public ProductReplicaHandler(Jdbi jdbi, Clock clock) {
    SqlObjects.prepare(jdbi, ProductReplicaDao.class);
    this.replica = Objects.requireNonNull(jdbi, "jdbi").onDemand(ProductReplicaDao.class);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void handle(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      // A compaction tombstone: products are discontinued, never deleted, so there is nothing to
      // do.
      return;
    }
    try {
      String type = EventJson.typeOf(record.value());
      if (ProductUpserted.TYPE.equals(type)) {
        ProductUpserted p = EventJson.read(record.value(), ProductUpserted.class).data();
        if (p.productId() == null || p.currency() == null || p.priceMinor() < 0) {
          LOG.error("Skipping incomplete ProductUpserted at offset {}", record.offset());
          return;
        }
        replica.upsert(
            p.productId(), p.priceMinor(), p.currency(), p.active(), p.version(), clock.instant());
      } else if (ProductDiscontinued.TYPE.equals(type)) {
        EventEnvelope<ProductDiscontinued> event =
            EventJson.read(record.value(), ProductDiscontinued.class);
        ProductDiscontinued d = event.data();
        if (d.productId() == null) {
          LOG.error("Skipping incomplete ProductDiscontinued {}", event.eventId());
          return;
        }
        replica.discontinue(d.productId(), d.version(), clock.instant());
      }
    } catch (InvalidEventException e) {
      // Retrying cannot fix a malformed record; skipping it keeps the partition moving.
      LOG.error(
          "Skipping malformed record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
    }
  }
}
