package dev.stockroom.product.events;

import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.InvalidEventException;
import dev.stockroom.events.StockView;
import dev.stockroom.platform.consumer.BatchRecordHandler;
import dev.stockroom.platform.consumer.ProcessedEvents;
import dev.stockroom.platform.db.SqlObjects;
import dev.stockroom.product.db.StockViewDao;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code stock_views} in step with {@code stock.v1}. Idempotent twice over: a redelivered
 * event (same {@code eventId}) is skipped by its processed-event mark, and a view older than the
 * stored one (lower version) changes nothing. The marks and the view changes of a partition's
 * records from one poll share one transaction, which writes only each product's newest view; if it
 * fails, the consumer loop applies them one by one.
 */
public final class StockViewHandler implements BatchRecordHandler {
  private static final Logger LOG = LoggerFactory.getLogger(StockViewHandler.class);

  private final String consumerName;
  private final Jdbi jdbi;
  private final Clock clock;

  /**
   * @param consumerName the name marks are recorded under (the consumer group id)
   */
  public StockViewHandler(String consumerName, Jdbi jdbi, Clock clock) {
    this.consumerName = Objects.requireNonNull(consumerName, "consumerName");
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    SqlObjects.prepare(jdbi, StockViewDao.class);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void handle(ConsumerRecord<String, String> record) {
    handleAll(List.of(record));
  }

  /** Applies a partition's views of one poll in one transaction (one commit, not one per view). */
  @Override
  public void handleAll(List<ConsumerRecord<String, String>> records) {
    List<EventEnvelope<StockView>> views = new ArrayList<>(records.size());
    for (ConsumerRecord<String, String> record : records) {
      parse(record).ifPresent(views::add);
    }
    if (views.isEmpty()) {
      return;
    }
    jdbi.useTransaction(
        handle -> {
          // Every event is marked, so none of them is applied again if it comes back alone.
          Set<UUID> fresh =
              ProcessedEvents.markProcessed(
                  handle, consumerName, views.stream().map(EventEnvelope::eventId).toList());
          // A busy product gets a view per reservation; applied one by one, each would overwrite
          // the one before. Only the newest of the poll matters: the highest version, and of
          // those the last, exactly what applying them in turn would leave.
          Map<UUID, EventEnvelope<StockView>> newest = new LinkedHashMap<>();
          for (EventEnvelope<StockView> event : views) {
            if (fresh.contains(event.eventId())) {
              newest.merge(
                  event.data().productId(),
                  event,
                  (held, next) -> next.data().version() >= held.data().version() ? next : held);
            }
          }
          StockViewDao dao = handle.attach(StockViewDao.class);
          newest.values().forEach(event -> apply(dao, event));
        });
  }

  private void apply(StockViewDao dao, EventEnvelope<StockView> event) {
    StockView view = event.data();
    boolean applied =
        dao.apply(
            view.productId(),
            view.onHand(),
            view.reserved(),
            view.available(),
            view.version(),
            clock.instant());
    if (!applied) {
      LOG.debug(
          "Ignored StockView {} for {}: version {} is older than the stored one",
          event.eventId(),
          view.productId(),
          view.version());
    }
  }

  /** The record's view, or empty for a tombstone, another event type or an impossible record. */
  private static Optional<EventEnvelope<StockView>> parse(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return Optional.empty();
    }
    EventEnvelope<StockView> event;
    try {
      if (!StockView.TYPE.equals(EventJson.typeOf(record.value()))) {
        return Optional.empty();
      }
      event = EventJson.read(record.value(), StockView.class);
    } catch (InvalidEventException e) {
      // Retrying cannot fix a malformed record; skipping it keeps the partition moving.
      LOG.error(
          "Skipping malformed record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return Optional.empty();
    }
    StockView view = event.data();
    if (view.productId() == null
        || view.onHand() < 0
        || view.reserved() < 0
        || view.available() < 0
        || view.version() < 0) {
      LOG.error("Skipping impossible StockView {} for {}", event.eventId(), view.productId());
      return Optional.empty();
    }
    return Optional.of(event);
  }
}
