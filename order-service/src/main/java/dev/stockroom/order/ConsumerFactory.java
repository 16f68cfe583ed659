package dev.stockroom.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.platform.consumer.KafkaConsumerLoop;
import dev.stockroom.platform.consumer.RecordHandler;
import dev.stockroom.platform.kafka.KafkaFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * One consumer of one topic (YAML keys {@code productReplica}, {@code orderStatus}): its group id,
 * retry backoff and when a stuck record makes the service unhealthy.
 */
public class ConsumerFactory {
  @NotEmpty private String groupId;

  @NotNull private Duration maxBackoff = Duration.seconds(30);

  @NotNull private Duration unhealthyAfter = Duration.minutes(2);

  public ConsumerFactory() {}

  ConsumerFactory(String groupId) {
    this.groupId = groupId;
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
  public Duration getMaxBackoff() {
    return maxBackoff;
  }

  @JsonProperty
  public void setMaxBackoff(Duration maxBackoff) {
    this.maxBackoff = maxBackoff;
  }

  @JsonProperty
  public Duration getUnhealthyAfter() {
    return unhealthyAfter;
  }

  @JsonProperty
  public void setUnhealthyAfter(Duration unhealthyAfter) {
    this.unhealthyAfter = unhealthyAfter;
  }

  /** Registers a managed loop feeding {@code topic} to {@code handler}, with its health check. */
  public KafkaConsumerLoop build(
      Environment environment, KafkaFactory kafka, String topic, RecordHandler handler) {
    KafkaConsumerLoop loop =
        KafkaConsumerLoop.builder(kafka, groupId, handler)
            .topics(topic)
            .backoff(java.time.Duration.ofMillis(200), maxBackoff.toJavaDuration())
            .metrics(environment.metrics())
            .build();
    loop.register(environment, unhealthyAfter.toJavaDuration());
    return loop;
  }
}
