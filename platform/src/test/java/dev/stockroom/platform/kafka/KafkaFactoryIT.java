package dev.stockroom.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.health.HealthCheck;
import dev.stockroom.devkit.SharedKafka;
import io.dropwizard.core.setup.Environment;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.jetty.util.component.LifeCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class KafkaFactoryIT {
  static KafkaFactory kafka() {
    KafkaFactory kafka = new KafkaFactory();
    kafka.setBootstrapServers(SharedKafka.bootstrapServers());
    return kafka;
  }

  static TopicSpec topic(String name, int partitions, String cleanupPolicy) {
    return new TopicSpec(name, partitions, 1, cleanupPolicy);
  }

  @Test
  void createsTopicsWithPartitionsCleanupPolicyAndConfigsAndToleratesExistingOnes()
      throws Exception {
    String compacted = "products-it-" + UUID.randomUUID();
    String deleted = "orders-it-" + UUID.randomUUID();
    TopicSpec compactedSpec = topic(compacted, 3, "compact");
    compactedSpec.getConfigs().put("min.cleanable.dirty.ratio", "0.1");
    TopicSpec deletedSpec = topic(deleted, 2, "delete");
    deletedSpec.getConfigs().put("retention.ms", "86400000");
    KafkaFactory kafka = kafka();
    kafka.setTopics(List.of(compactedSpec, deletedSpec));

    kafka.ensureTopics();
    kafka.ensureTopics();

    try (Admin admin = kafka.newAdmin()) {
      Map<String, TopicDescription> topics =
          admin.describeTopics(List.of(compacted, deleted)).allTopicNames().get();
      assertThat(topics.get(compacted).partitions()).hasSize(3);
      assertThat(topics.get(deleted).partitions()).hasSize(2);

      ConfigResource compactedResource = new ConfigResource(ConfigResource.Type.TOPIC, compacted);
      ConfigResource deletedResource = new ConfigResource(ConfigResource.Type.TOPIC, deleted);
      Map<ConfigResource, Config> configs =
          admin.describeConfigs(List.of(compactedResource, deletedResource)).all().get();
      Config compactedConfig = configs.get(compactedResource);
      assertThat(compactedConfig.get("cleanup.policy").value()).isEqualTo("compact");
      assertThat(compactedConfig.get("min.cleanable.dirty.ratio").value()).isEqualTo("0.1");
      Config deletedConfig = configs.get(deletedResource);
      assertThat(deletedConfig.get("cleanup.policy").value()).isEqualTo("delete");
      assertThat(deletedConfig.get("retention.ms").value()).isEqualTo("86400000");
    }
  }

  @Test
  void healthCheckIsHealthyWhenTheClusterAnswers() throws Exception {
    try (Admin admin = kafka().newAdmin()) {
      HealthCheck.Result result = new KafkaHealthCheck(admin, Duration.ofSeconds(5)).execute();
      assertThat(result.isHealthy()).as(result.getMessage()).isTrue();
      assertThat(result.getMessage()).contains("1 broker(s)");
    }
  }

  @Test
  void healthCheckIsUnhealthyWithinItsTimeoutWhenNothingAnswers() throws Exception {
    KafkaFactory kafka = new KafkaFactory();
    kafka.setBootstrapServers("127.0.0.1:" + closedPort());
    try (Admin admin = kafka.newAdmin()) {
      long start = System.nanoTime();
      HealthCheck.Result result = new KafkaHealthCheck(admin, Duration.ofSeconds(1)).execute();
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(result.isHealthy()).isFalse();
      assertThat(tookMillis).isLessThan(5_000);
    }
  }

  @Test
  void buildRegistersTheHealthCheckAndCreatesTopicsOnStart() throws Exception {
    String name = "users-it-" + UUID.randomUUID();
    KafkaFactory kafka = kafka();
    kafka.setTopics(List.of(topic(name, 2, "delete")));
    Environment environment = new Environment("test");
    kafka.build(environment);
    List<LifeCycle> managed = new ArrayList<>(environment.lifecycle().getManagedObjects());
    try {
      for (LifeCycle lifeCycle : managed) {
        lifeCycle.start();
      }
      try (Admin admin = kafka.newAdmin()) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> admin.listTopics().names().get().contains(name));
      }
      assertThat(environment.healthChecks().runHealthCheck("kafka").isHealthy()).isTrue();
    } finally {
      Collections.reverse(managed);
      for (LifeCycle lifeCycle : managed) {
        lifeCycle.stop();
      }
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
