package dev.stockroom.product.events;

import dev.stockroom.events.Topics;
import dev.stockroom.platform.consumer.KafkaConsumerLoop;
import dev.stockroom.platform.consumer.OptionalConsumerFactory;
import dev.stockroom.platform.kafka.KafkaFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code stock.v1} consumer (YAML key {@code stockView}) that fills {@code stock_views}, from
 * which product reads show {@code available}. Every instance of the service keeps the same table on
 * the shared database, so all instances share one consumer group.
 */
public class StockViewFactory extends OptionalConsumerFactory {
  public StockViewFactory() {
    super("product-service-stock-view", Duration.minutes(5));
  }

  /**
   * Registers the consumer (a managed loop and its health check) unless disabled.
   *
   * @param jdbi the primary database: the view is written there and replicated like the rest
   * @return the loop, or null when disabled
   */
  public KafkaConsumerLoop build(Environment environment, Jdbi jdbi, KafkaFactory kafka) {
    if (!isEnabled()) {
      return null;
    }
    return build(
        environment,
        kafka,
        Topics.STOCK,
        new StockViewHandler(getGroupId(), jdbi, Clock.systemUTC()));
  }
}
