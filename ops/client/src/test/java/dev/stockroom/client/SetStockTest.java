package dev.stockroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockroom.client.RecordingServer.Recorded;
import dev.stockroom.client.RecordingServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code setStock} reads the stock's ETag and sends it back as {@code If-Match}. */
class SetStockTest {
  private static final UUID PRODUCT = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
  private static final String PATH = "/api/v1/products/" + PRODUCT + "/stock";
  private static final Session ADMIN = new Session("admin-token", null, null);

  private RecordingServer server;
  private StockroomClient client;

  @BeforeEach
  void start() {
    server = RecordingServer.start();
    client = new StockroomClient(server.endpoints(), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void sendsTheETagItReadAsIfMatch() throws Exception {
    server
        .on("GET", PATH, Reply.json(200, "stock-response.json").withHeader("ETag", "\"7-2-38\""))
        .on("PUT", PATH, Reply.json(200, "stock-set-response.json").withHeader("ETag", "\"8\""));

    Stock stock = client.setStock(ADMIN, PRODUCT, 10);

    assertThat(stock).isEqualTo(new Stock(PRODUCT, 10, 8));
    List<Recorded> requests = server.requests();
    assertThat(requests).extracting(Recorded::method).containsExactly("GET", "PUT");
    Recorded put = requests.get(1);
    assertThat(put.header("If-Match")).isEqualTo("\"7-2-38\"");
    assertThat(put.header("Authorization")).isEqualTo("Bearer admin-token");
    assertThat(put.header("Content-Type")).isEqualTo("application/json");
    assertThat(new ObjectMapper().readTree(put.body()))
        .isEqualTo(new ObjectMapper().readTree("{\"onHand\":10}"));
  }

  @Test
  void quotesTheBodysVersionWhenThereIsNoETag() {
    server
        .on("GET", PATH, Reply.json(200, "stock-response.json"))
        .on("PUT", PATH, Reply.json(200, "stock-set-response.json"));

    client.setStock(ADMIN, PRODUCT, 10);

    assertThat(server.last().header("If-Match")).isEqualTo("\"7\"");
  }

  @Test
  void throwsThePreconditionFailureWhenSomeoneElseChangedItInBetween() {
    server
        .on("GET", PATH, Reply.json(200, "stock-response.json").withHeader("ETag", "\"7\""))
        .on("PUT", PATH, Reply.problem(412, "problem-precondition-failed.json"));

    ApiException e =
        catchThrowableOfType(ApiException.class, () -> client.setStock(ADMIN, PRODUCT, 10));

    assertThat(e.status()).isEqualTo(412);
    assertThat(e.type()).isEqualTo("urn:stockroom:problem:precondition-failed");
    assertThat(e.request()).isEqualTo("PUT " + PATH);
    // One read, one write: a 412 is reported, never retried over someone else's change.
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void readsTheStockLevel() {
    server.on("GET", PATH, Reply.json(200, "stock-response.json"));

    assertThat(client.stock(ADMIN, PRODUCT)).isEqualTo(new Stock(PRODUCT, 40, 7));
  }
}
