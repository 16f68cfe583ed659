package dev.stockroom.orderstream.views;

import dev.stockroom.orderstream.streams.ManagedStreams;
import java.util.Set;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Key lookups in the topology's stores (interactive queries, IQv2). A value is served only by the
 * instance with the active task for its partition, only while Kafka Streams is RUNNING, and only as
 * committed: the stores are transactional and the query is READ_COMMITTED, so a write of a
 * transaction that is later aborted is never shown. Anything else is {@link Lookup.Unavailable}
 * rather than a stale answer.
 */
public class StoreLookups {
  private static final Serializer<String> KEYS = Serdes.String().serializer();

  private final ManagedStreams streams;

  public StoreLookups(ManagedStreams streams) {
    this.streams = streams;
  }

  public <V> Lookup<V> find(String store, String key) {
    KafkaStreams running = streams.streams();
    if (running == null || running.state() != KafkaStreams.State.RUNNING) {
      return new Lookup.Unavailable<>(
          "the stream processor is " + (running == null ? "starting" : running.state()));
    }
    KeyQueryMetadata metadata;
    try {
      metadata = running.queryMetadataForKey(store, key, KEYS);
    } catch (IllegalStateException e) {
      return new Lookup.Unavailable<>("partition metadata is not available yet");
    }
    if (metadata == null
        || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)
        || metadata.activeHost() == null
        || metadata.activeHost().equals(HostInfo.unavailable())) {
      return new Lookup.Unavailable<>("no instance owns the key right now");
    }
    if (!metadata.activeHost().equals(streams.self())) {
      return new Lookup.Elsewhere<>(metadata.activeHost());
    }
    StateQueryRequest<V> request =
        StateQueryRequest.inStore(store)
            .withQuery(KeyQuery.<String, V>withKey(key))
            .withPartitions(Set.of(metadata.partition()))
            .requireActive()
            .withIsolationLevel(IsolationLevel.READ_COMMITTED);
    StateQueryResult<V> result;
    try {
      result = running.query(request);
    } catch (RuntimeException e) {
      return new Lookup.Unavailable<>("the store cannot be queried: " + e.getMessage());
    }
    QueryResult<V> partition = result.getPartitionResults().get(metadata.partition());
    if (partition == null || partition.isFailure()) {
      return new Lookup.Unavailable<>(
          partition == null
              ? "the partition was not queried"
              : partition.getFailureReason() + ": " + partition.getFailureMessage());
    }
    V value = partition.getResult();
    return value == null ? new Lookup.Absent<>() : new Lookup.Found<>(value);
  }
}
