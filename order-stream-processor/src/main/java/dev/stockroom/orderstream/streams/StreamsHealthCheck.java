package dev.stockroom.orderstream.streams;

import com.codahale.metrics.health.HealthCheck;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Readiness: healthy only while Kafka Streams is RUNNING. While it rebalances or restores state,
 * the views would answer 503 anyway, so a load balancer should route elsewhere.
 */
public class StreamsHealthCheck extends HealthCheck {
  private final ManagedStreams streams;

  public StreamsHealthCheck(ManagedStreams streams) {
    this.streams = streams;
  }

  @Override
  protected Result check() {
    KafkaStreams.State state = streams.state();
    if (state == KafkaStreams.State.RUNNING) {
      return Result.healthy("RUNNING");
    }
    String problem = streams.problem();
    return Result.unhealthy(
        (state == null ? "NOT_STARTED" : state.name()) + (problem == null ? "" : ": " + problem));
  }
}
