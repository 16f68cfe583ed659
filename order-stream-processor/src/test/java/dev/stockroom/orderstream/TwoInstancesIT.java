package dev.stockroom.orderstream;

import static dev.stockroom.orderstream.TestKafka.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockroom.devkit.JwksServer;
import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.devkit.TestTokens;
import dev.stockroom.events.Topics;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of one application share the partitions; each answers for keys the other owns by
 * fetching them from it.
 */
@ExtendWith({SharedKafka.class, DropwizardExtensionsSupport.class})
class TwoInstancesIT {
  private static final TestTokens TOKENS = TestTokens.create();
  private static final JwksServer JWKS = JwksServer.start(TOKENS);
  private static final String APPLICATION_ID = "order-stream-pair-" + UUID.randomUUID();
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final int PORT_A = freePort();
  private static final int PORT_B = freePort();

  static {
    SharedKafka.createTopic(Topics.ORDERS, 3);
    SharedKafka.createTopic(Topics.INVENTORY, 3);
  }

  static final DropwizardAppExtension<OrderStreamProcessorConfiguration> A = instance(PORT_A);
  static final DropwizardAppExtension<OrderStreamProcessorConfiguration> B = instance(PORT_B);

  private static final Map<Integer, ApiClient> CLIENTS = new ConcurrentHashMap<>();

  private static TestKafka kafka;

  @BeforeAll
  static void waitUntilBothRun() {
    kafka = new TestKafka();
    for (DropwizardAppExtension<OrderStreamProcessorConfiguration> app : List.of(A, B)) {
      await("instance RUNNING")
          .atMost(DEADLINE)
          .until(() -> client(app.getAdminPort()).get("/healthcheck").statusCode() == 200);
    }
  }

  @AfterAll
  static void closeClients() {
    kafka.close();
    JWKS.close();
  }

  @Test
  void eachInstanceAnswersForKeysTheOtherOwns() {
    List<UUID> products = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      UUID product = UUID.randomUUID();
      products.add(product);
      kafka.stockLevel(product, 10 + i, 1);
    }

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              for (UUID product : products) {
                for (int port : List.of(PORT_A, PORT_B)) {
                  HttpResponse<String> response = get(port, "/api/v1/stock/" + product, false);
                  assertThat(ApiClient.okJson(response).get("onHand").asLong())
                      .isEqualTo(10 + products.indexOf(product));
                }
              }
            });
    // A rebalance may still be settling (the cooperative protocol takes two rounds, and an
    // instance answers 503 for every key while it rebalances), so ownership is read only once
    // every key has exactly one owner.
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              List<Integer> ownedByA = owned(PORT_A, products);
              List<Integer> ownedByB = owned(PORT_B, products);
              assertThat(ownedByA).doesNotContainAnyElementsOf(ownedByB);
              assertThat(ownedByA.size() + ownedByB.size())
                  .as("keys with exactly one owner")
                  .isEqualTo(products.size());
              assertThat(ownedByA).as("A owns some keys").isNotEmpty();
              assertThat(ownedByB).as("B owns some keys").isNotEmpty();
            });
  }

  @Test
  void aListSpanningBothInstancesComesBackWholeAndInOrder() {
    List<UUID> products = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      UUID product = UUID.randomUUID();
      products.add(product);
      kafka.stockLevel(product, 5, 1);
    }
    String query = products.stream().map(p -> "productId=" + p).collect(Collectors.joining("&"));

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              HttpResponse<String> response = get(PORT_A, "/api/v1/stock?" + query, false);
              List<String> ids = new ArrayList<>();
              ApiClient.okJson(response)
                  .get("items")
                  .forEach(item -> ids.add(item.get("productId").asText()));
              assertThat(ids)
                  .containsExactlyElementsOf(products.stream().map(UUID::toString).toList());
            });
  }

  @Test
  void orderStatusIsServedByEitherInstance() {
    UUID product = UUID.randomUUID();
    kafka.stockLevel(product, 50, 1);
    List<UUID> orders = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      UUID order = UUID.randomUUID();
      orders.add(order);
      kafka.place(order, line(product, 1));
    }

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              for (UUID order : orders) {
                for (int port : List.of(PORT_A, PORT_B)) {
                  HttpResponse<String> response = get(port, "/api/v1/order-status/" + order, false);
                  assertThat(ApiClient.okJson(response).get("status").asText())
                      .isEqualTo("CONFIRMED");
                }
              }
            });
  }

  /** Indexes of the products the instance answers without forwarding. */
  private static List<Integer> owned(int port, List<UUID> products) {
    List<Integer> owned = new ArrayList<>();
    for (int i = 0; i < products.size(); i++) {
      HttpResponse<String> response = get(port, "/api/v1/stock/" + products.get(i), true);
      if (response.statusCode() == 200) {
        owned.add(i);
      } else {
        assertThat(response.statusCode())
            .as("a forwarded request for a key owned elsewhere")
            .isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
      }
    }
    return owned;
  }

  private static HttpResponse<String> get(int port, String path, boolean asForwarded) {
    String token = TOKENS.token(TestKafka.CUSTOMER, "customer");
    ApiClient api = client(port);
    return asForwarded ? api.getForwarded(path, token) : api.get(path, token);
  }

  private static ApiClient client(int port) {
    return CLIENTS.computeIfAbsent(port, ApiClient::new);
  }

  private static DropwizardAppExtension<OrderStreamProcessorConfiguration> instance(int port) {
    String stateDir = OrderStreamProcessorIT.tempDir();
    return new DropwizardAppExtension<>(
        OrderStreamProcessorApplication.class,
        ResourceHelpers.resourceFilePath("order-stream-processor-test.yml"),
        ConfigOverride.config("server.applicationConnectors[0].port", Integer.toString(port)),
        ConfigOverride.config("kafka.bootstrapServers", SharedKafka::bootstrapServers),
        ConfigOverride.config("auth.jwksUrl", JWKS::url),
        ConfigOverride.config("streams.applicationId", APPLICATION_ID),
        ConfigOverride.config("streams.applicationServer", "localhost:" + port),
        ConfigOverride.config("streams.stateDir", stateDir));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
