package dev.stockroom.platform.kafka;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One topic as the configuration wants it: name, partitions, replication factor, cleanup policy and
 * any other topic-level configs (e.g. {@code retention.ms}, {@code min.insync.replicas}).
 */
public class TopicSpec {
  @NotEmpty
  @Pattern(regexp = "[a-zA-Z0-9._-]{1,249}", message = "is not a legal Kafka topic name")
  private String name;

  @Min(1)
  private int partitions = 1;

  @Min(1)
  @Max(Short.MAX_VALUE)
  private int replicationFactor = 1;

  @NotEmpty
  @Pattern(
      regexp = "delete|compact|compact,delete|delete,compact",
      message = "must be delete, compact or compact,delete")
  private String cleanupPolicy = TopicConfig.CLEANUP_POLICY_DELETE;

  @NotNull private Map<String, String> configs = new LinkedHashMap<>();

  public TopicSpec() {}

  public TopicSpec(String name, int partitions, int replicationFactor, String cleanupPolicy) {
    this.name = name;
    this.partitions = partitions;
    this.replicationFactor = replicationFactor;
    this.cleanupPolicy = cleanupPolicy;
  }

  @JsonProperty
  public String getName() {
    return name;
  }

  @JsonProperty
  public void setName(String name) {
    this.name = name;
  }

  @JsonProperty
  public int getPartitions() {
    return partitions;
  }

  @JsonProperty
  public void setPartitions(int partitions) {
    this.partitions = partitions;
  }

  @JsonProperty
  public int getReplicationFactor() {
    return replicationFactor;
  }

  @JsonProperty
  public void setReplicationFactor(int replicationFactor) {
    this.replicationFactor = replicationFactor;
  }

  @JsonProperty
  public String getCleanupPolicy() {
    return cleanupPolicy;
  }

  @JsonProperty
  public void setCleanupPolicy(String cleanupPolicy) {
    this.cleanupPolicy = cleanupPolicy;
  }

  @JsonProperty
  public Map<String, String> getConfigs() {
    return configs;
  }

  @JsonProperty
  public void setConfigs(Map<String, String> configs) {
    this.configs = configs;
  }

  /** Every topic-level config to create the topic with; {@code cleanupPolicy} wins over configs. */
  public Map<String, String> topicConfigs() {
    Map<String, String> all = new LinkedHashMap<>(configs);
    all.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy);
    return all;
  }

  /** The admin-client request that creates this topic. */
  public NewTopic toNewTopic() {
    return new NewTopic(name, partitions, (short) replicationFactor).configs(topicConfigs());
  }

  @Override
  public String toString() {
    return name
        + "(partitions="
        + partitions
        + ", replicationFactor="
        + replicationFactor
        + ", cleanup.policy="
        + cleanupPolicy
        + ")";
  }
}
