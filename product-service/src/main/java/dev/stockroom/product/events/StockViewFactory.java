package dev.stockroom.product.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.events.Topics;
import dev.stockroom.platform.consumer.KafkaConsumerLoop;
import dev.stockroom.platform.kafka.KafkaFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code stock.v1} consumer (YAML key {@code stockView}) that fills {@code stock_views}, from
 * which product reads show {@code available}. Every instance of the service keeps the same table on
 * the shared database, so all instances share one consumer group.
 */
public class StockViewFactory {
  private boolean enabled = true;

  @NotEmpty private String groupId = "product-service-stock-view";

  @NotNull private Duration unhealthyAfter = Duration.minutes(5);

  @NotNull private Duration maxBackoff = Duration.seconds(30);

  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  @JsonProperty
  public String getGroupId() {
    return groupId;
  }

  @JsonProperty
  public void setGroupId(String groupId) {
    this.groupId = groupId;
  }

  @JsonProperty
  public Duration getUnhealthyAfter() {
    return unhealthyAfter;
  }

  @JsonProperty
  public void setUnhealthyAfter(Duration unhealthyAfter) {
    this.unhealthyAfter = unhealthyAfter;
  }

  @JsonProperty
  public Duration getMaxBackoff() {
    return maxBackoff;
  }

  @JsonProperty
  public void setMaxBackoff(Duration maxBackoff) {
    this.maxBackoff = maxBackoff;
  }

  /**
   * Registers the consumer (a managed loop and its health check) unless disabled.
   *
   * @param jdbi the primary database: the view is written there and replicated like the rest
   * @return the loop, or null when disabled
   */
  public KafkaConsumerLoop build(Environment environment, Jdbi jdbi, KafkaFactory kafka) {
    if (!enabled) {
      return null;
    }
    StockViewHandler handler = new StockViewHandler(groupId, jdbi, Clock.systemUTC());
    KafkaConsumerLoop loop =
        KafkaConsumerLoop.builder(kafka, groupId, handler)
            .topics(Topics.STOCK)
            .backoff(java.time.Duration.ofMillis(200), maxBackoff.toJavaDuration())
            .metrics(environment.metrics())
            .build();
    loop.register(environment, unhealthyAfter.toJavaDuration());
    return loop;
  }
}
