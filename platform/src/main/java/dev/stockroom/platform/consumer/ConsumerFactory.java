package dev.stockroom.platform.consumer;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.platform.kafka.KafkaFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * A service's YAML block for one consumer group reading one topic: the group id, the retry backoff
 * after a failed record ({@code minBackoff}, doubling up to {@code maxBackoff}) and how long a
 * record may keep failing before the service reports unhealthy ({@code unhealthyAfter}).
 */
public class ConsumerFactory {
  @NotEmpty private String groupId;

  @NotNull private Duration minBackoff = Duration.milliseconds(200);

  @NotNull private Duration maxBackoff = Duration.seconds(30);

  @NotNull private Duration unhealthyAfter = Duration.minutes(2);

  public ConsumerFactory() {}

  /** With the service's defaults for this consumer; YAML may override either. */
  public ConsumerFactory(String groupId, Duration unhealthyAfter) {
    this.groupId = groupId;
    this.unhealthyAfter = unhealthyAfter;
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
  public Duration getMinBackoff() {
    return minBackoff;
  }

  @JsonProperty
  public void setMinBackoff(Duration minBackoff) {
    this.minBackoff = minBackoff;
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

  @ValidationMethod(message = "minBackoff must be more than 0 and at most maxBackoff")
  public boolean isBackoffValid() {
    return minBackoff == null
        || maxBackoff == null
        || (minBackoff.toNanoseconds() > 0 && minBackoff.compareTo(maxBackoff) <= 0);
  }

  /** Registers a managed loop feeding {@code topic} to {@code handler}, with its health check. */
  public KafkaConsumerLoop build(
      Environment environment, KafkaFactory kafka, String topic, RecordHandler handler) {
    KafkaConsumerLoop loop =
        KafkaConsumerLoop.builder(kafka, groupId, handler)
            .topics(topic)
            .backoff(minBackoff.toJavaDuration(), maxBackoff.toJavaDuration())
            .metrics(environment.metrics())
            .build();
    loop.register(environment, unhealthyAfter.toJavaDuration());
    return loop;
  }
}
