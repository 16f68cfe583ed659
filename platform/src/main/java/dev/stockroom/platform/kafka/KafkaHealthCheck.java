package dev.stockroom.platform.kafka;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

/** Healthy when the cluster answers {@code describeCluster} with at least one broker in time. */
public class KafkaHealthCheck extends HealthCheck {
  private final Admin admin;
  private final Duration timeout;

  public KafkaHealthCheck(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  @Override
  protected Result check() throws InterruptedException {
    long timeoutMs = timeout.toMillis();
    try {
      DescribeClusterResult cluster =
          admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs));
      Collection<Node> nodes = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
      String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
      if (nodes.isEmpty()) {
        return Result.unhealthy("Kafka cluster %s reports no brokers", clusterId);
      }
      return Result.healthy("Kafka cluster %s, %d broker(s)", clusterId, nodes.size());
    } catch (TimeoutException e) {
      return Result.unhealthy("Kafka did not answer within %d ms", timeoutMs);
    } catch (ExecutionException e) {
      return Result.unhealthy("Kafka is unreachable: %s", e.getCause());
    }
  }
}
