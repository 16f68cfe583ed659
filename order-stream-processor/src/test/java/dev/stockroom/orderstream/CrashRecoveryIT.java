package dev.stockroom.orderstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockroom.devkit.JwksServer;
import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.devkit.TestTokens;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.OrderConfirmed;
import dev.stockroom.events.OrderLine;
import dev.stockroom.events.OrderRejected;
import dev.stockroom.events.OrderReleased;
import dev.stockroom.events.StockView;
import dev.stockroom.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Invariant 4 of ARCHITECTURE.md: the packaged application, run as its own process, is killed with
 * SIGKILL in the middle of a stream of orders and started again on the same state directory.
 * Afterwards, read with read_committed from the output topics, every order has exactly one decision
 * and every product's reserved stock equals the sum of its live lines.
 */
@ExtendWith(SharedKafka.class)
class CrashRecoveryIT {
  private static final Path JAR = Path.of("target", "order-stream-processor.jar");
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final int ORDERS = 300;

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void aProcessKilledMidStreamLosesAndDuplicatesNothing() throws Exception {
    assertThat(JAR).as("the packaged application (mvn package)").exists();
    SharedKafka.createTopic(Topics.ORDERS, 3);
    SharedKafka.createTopic(Topics.INVENTORY, 3);
    Path work = Files.createTempDirectory("order-stream-crash");
    String applicationId = "order-stream-crash-" + UUID.randomUUID();
    TestTokens tokens = TestTokens.create();
    Random random = new Random(42);
    List<UUID> products = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    Map<UUID, List<OrderLine>> orders = new HashMap<>();

    try (JwksServer jwks = JwksServer.start(tokens);
        TestKafka kafka = new TestKafka()) {
      Path config = writeConfig(work, applicationId, jwks.url());
      int adminPort = adminPortOf(config);
      Process first = start(config, work.resolve("first.log"));
      awaitHealthy(adminPort, first);

      // Tight stock so some orders are rejected, and cancels so some are released.
      for (UUID product : products) {
        kafka.stockLevel(product, 150, 1);
      }
      List<String> keys = new ArrayList<>();
      placeOrders(kafka, random, products, orders, keys, ORDERS * 2 / 3);

      // Kill it once some decisions are out, while it is still working through the stream.
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  decided(TestKafka.committed(Topics.ORDER_STATUS, keys, 30, Duration.ofSeconds(1)))
                          .size()
                      >= 30);
      first.destroyForcibly().waitFor();
      // The rest of the stream arrives while no instance runs.
      placeOrders(kafka, random, products, orders, keys, ORDERS - ORDERS * 2 / 3);

      Process second = start(config, work.resolve("second.log"));
      awaitHealthy(adminPort, second);

      await("every order decided")
          .atMost(DEADLINE)
          .until(
              () ->
                  decided(
                              TestKafka.committed(
                                  Topics.ORDER_STATUS, keys, ORDERS, Duration.ofSeconds(2)))
                          .size()
                      == ORDERS);
      // Releases cross from the order side to the stock side in a later transaction, so the
      // totals agree once that traffic has drained: wait for it, then they must match exactly.
      await("reserved equals the live lines")
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  checkInvariants(
                      orders,
                      products,
                      TestKafka.committed(
                          Topics.ORDER_STATUS, keys, Integer.MAX_VALUE, Duration.ofSeconds(2)),
                      TestKafka.committed(
                          Topics.STOCK,
                          products.stream().map(UUID::toString).toList(),
                          Integer.MAX_VALUE,
                          Duration.ofSeconds(2))));
      second.destroy();
      second.waitFor();
    }
  }

  private static void checkInvariants(
      Map<UUID, List<OrderLine>> orders,
      List<UUID> products,
      List<ConsumerRecord<String, String>> status,
      List<ConsumerRecord<String, String>> views) {
    Map<String, List<String>> byOrder = new HashMap<>();
    for (ConsumerRecord<String, String> record : status) {
      String type = EventJson.typeOf(record.value());
      String label = type;
      if (type.equals(OrderReleased.TYPE)) {
        label += ":" + EventJson.read(record.value(), OrderReleased.class).data().cause();
      }
      byOrder.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(label);
    }
    Map<UUID, Long> live = new HashMap<>();
    for (Map.Entry<UUID, List<OrderLine>> order : orders.entrySet()) {
      List<String> events = byOrder.getOrDefault(order.getKey().toString(), List.of());
      assertThat(events).as("decisions of %s", order.getKey()).isNotEmpty();
      String first = events.get(0);
      if (first.equals(OrderConfirmed.TYPE)) {
        assertThat(events).as("events of %s", order.getKey()).hasSizeLessThanOrEqualTo(2);
        if (events.size() == 1) {
          for (OrderLine line : order.getValue()) {
            live.merge(line.productId(), (long) line.quantity(), Long::sum);
          }
        } else {
          assertThat(events.get(1)).startsWith(OrderReleased.TYPE);
        }
      } else {
        assertThat(first).isIn(OrderRejected.TYPE, OrderReleased.TYPE + ":CANCELLED");
        assertThat(events).as("events of %s", order.getKey()).hasSize(1);
      }
    }
    Map<UUID, StockView> last = new HashMap<>();
    for (ConsumerRecord<String, String> record : views) {
      StockView view = EventJson.read(record.value(), StockView.class).data();
      assertThat(view.reserved()).isNotNegative();
      assertThat(view.available()).isEqualTo(Math.max(0, view.onHand() - view.reserved()));
      last.put(view.productId(), view);
    }
    for (UUID product : products) {
      assertThat(last.get(product).reserved())
          .as("reserved of %s", product)
          .isEqualTo(live.getOrDefault(product, 0L));
    }
  }

  private static void placeOrders(
      TestKafka kafka,
      Random random,
      List<UUID> products,
      Map<UUID, List<OrderLine>> orders,
      List<String> keys,
      int count) {
    for (int i = 0; i < count; i++) {
      UUID order = UUID.randomUUID();
      List<OrderLine> lines = new ArrayList<>();
      for (int l = 0; l < 1 + random.nextInt(3); l++) {
        lines.add(
            TestKafka.line(products.get(random.nextInt(products.size())), 1 + random.nextInt(3)));
      }
      orders.put(order, lines);
      keys.add(order.toString());
      kafka.place(order, lines.toArray(OrderLine[]::new));
      if (i % 7 == 3) {
        kafka.cancel(UUID.fromString(keys.get(random.nextInt(keys.size()))));
      }
    }
  }

  private static List<String> decided(List<ConsumerRecord<String, String>> status) {
    return status.stream().map(ConsumerRecord::key).distinct().toList();
  }

  private Process start(Path config, Path log) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process =
        new ProcessBuilder(java, "-Xmx256m", "-jar", JAR.toString(), "server", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    processes.add(process);
    return process;
  }

  private static void awaitHealthy(int adminPort, Process process) {
    ApiClient admin = new ApiClient(adminPort);
    await("process healthy")
        .atMost(DEADLINE)
        .until(
            () -> {
              assertThat(process.isAlive()).as("process still running").isTrue();
              try {
                return admin.get("/healthcheck").statusCode() == 200;
              } catch (UncheckedIOException notListeningYet) {
                return false;
              }
            });
  }

  private static Path writeConfig(Path work, String applicationId, String jwksUrl)
      throws IOException {
    int port = freePort();
    int adminPort = freePort();
    String yaml =
        String.join(
            "\n",
            "server:",
            "  applicationConnectors: [{type: http, port: " + port + "}]",
            "  adminConnectors: [{type: http, port: " + adminPort + "}]",
            "  requestLog: {appenders: []}",
            "logging:",
            "  level: WARN",
            "  loggers: {dev.stockroom: INFO}",
            "kafka:",
            "  bootstrapServers: " + SharedKafka.bootstrapServers(),
            "  clientId: crash-test",
            "  createTopicsOnStart: false",
            "streams:",
            "  applicationId: " + applicationId,
            "  stateDir: " + work.resolve("state"),
            "  applicationServer: localhost:" + port,
            "  commitInterval: 100ms",
            "  reservationTtl: 30m",
            "  startRetryInterval: 1s",
            "auth:",
            "  jwksUrl: " + jwksUrl,
            "  issuer: stockroom-user-service",
            "  audience: stockroom",
            "");
    Path config = work.resolve("config.yml");
    Files.writeString(config, yaml, StandardCharsets.UTF_8);
    Files.writeString(work.resolve("admin.port"), Integer.toString(adminPort));
    return config;
  }

  private static int adminPortOf(Path config) throws IOException {
    return Integer.parseInt(Files.readString(config.resolveSibling("admin.port")).trim());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
