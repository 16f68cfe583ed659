package dev.stockroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stockroom.client.RecordingServer.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Problem bodies become {@link ApiException}s, and the async calls classify every failure into a
 * {@link Timed} instead of throwing.
 */
class ErrorsTest {
  private static final UUID PRODUCT = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
  private static final UUID ORDER = UUID.fromString("3c9e1d2f-7a4b-4c5d-9e8f-0a1b2c3d4e5f");
  private static final Session SESSION = new Session("token", null, null);

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
  void parsesAValidationProblemWithItsFieldErrors() {
    server.on("POST", "/api/v1/orders", Reply.problem(422, "problem-validation.json"));

    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () -> client.placeOrder(SESSION, "k", List.of(new Line(PRODUCT, 0))));

    assertThat(e.status()).isEqualTo(422);
    assertThat(e.kind()).isEqualTo("http_422");
    assertThat(e.type()).isEqualTo("urn:stockroom:problem:validation");
    assertThat(e.title()).isEqualTo("Validation failed");
    assertThat(e.detail()).isEqualTo("2 fields are invalid.");
    assertThat(e.errors())
        .containsExactly(
            new ApiException.FieldError("lines[0].quantity", "must be between 1 and 1000"),
            new ApiException.FieldError("lines[1].productId", "unknown product"));
    assertThat(e.body()).contains("\"requestId\": \"5f0c2b1e6a7d4c3b\"");
    assertThat(e.isTransportFailure()).isFalse();
    assertThat(e.getMessage())
        .isEqualTo("POST /api/v1/orders -> 422 Validation failed: 2 fields are invalid.");
  }

  @Test
  void keepsRetryAfterOfARateLimitedLogIn() {
    server.on(
        "POST",
        "/api/v1/auth/token",
        Reply.problem(429, "problem-too-many-requests.json").withHeader("Retry-After", "12"));

    ApiException e = catchThrowableOfType(ApiException.class, () -> client.login("a@b.c", "pw"));

    assertThat(e.status()).isEqualTo(429);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
  }

  @Test
  void keepsTheRawBodyOfAnAnswerThatIsNotAProblem() {
    server.on(
        "GET",
        "/api/v1/products/" + PRODUCT,
        new Reply(502, Map.of("Content-Type", "text/html"), "<html>Bad gateway</html>", null));

    ApiException e = catchThrowableOfType(ApiException.class, () -> client.getProduct(PRODUCT));

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.type()).isEqualTo(ApiException.ABOUT_BLANK);
    assertThat(e.title()).isNull();
    assertThat(e.body()).isEqualTo("<html>Bad gateway</html>");
    assertThat(e.retryAfter()).isEmpty();
  }

  @Test
  void callsAnUnreadableSuccessAnInvalidResponse() {
    server.on(
        "GET",
        "/api/v1/products/" + PRODUCT,
        new Reply(200, Map.of("Content-Type", "application/json"), "{not json", null));

    ApiException e = catchThrowableOfType(ApiException.class, () -> client.getProduct(PRODUCT));

    assertThat(e.kind()).isEqualTo(ApiException.INVALID_RESPONSE);
    assertThat(e.status()).isEqualTo(200);
    assertThat(e.body()).isEqualTo("{not json");
  }

  @Test
  void asyncSuccessCarriesValueStatusAndTimes() throws Exception {
    server.on("POST", "/api/v1/orders", Reply.json(201, "order-pending.json"));

    Timed<Order> timed =
        client
            .placeOrderAsync(SESSION, "k", List.of(new Line(PRODUCT, 1)))
            .get(5, TimeUnit.SECONDS);

    assertThat(timed.ok()).isTrue();
    assertThat(timed.status()).isEqualTo(201);
    assertThat(timed.value().id()).isEqualTo(ORDER);
    assertThat(timed.error()).isNull();
    assertThat(timed.errorKind()).isNull();
    assertThat(timed.endNanos()).isGreaterThanOrEqualTo(timed.startNanos());
    assertThat(timed.valueOrThrow()).isSameAs(timed.value());
  }

  @Test
  void asyncClientErrorIsCountedByStatus() throws Exception {
    server.on(
        "GET",
        "/api/v1/orders/" + ORDER,
        new Reply(
            404,
            Map.of("Content-Type", "application/problem+json"),
            "{\"type\":\"urn:stockroom:problem:not-found\",\"title\":\"Not found\",\"status\":404}",
            null));

    Timed<Order> timed =
        client.getOrderAsync(SESSION, ORDER, Duration.ZERO).get(5, TimeUnit.SECONDS);

    assertThat(timed.ok()).isFalse();
    assertThat(timed.value()).isNull();
    assertThat(timed.status()).isEqualTo(404);
    assertThat(timed.errorKind()).isEqualTo("http_404");
    assertThat(timed.error().type()).isEqualTo("urn:stockroom:problem:not-found");
  }

  @Test
  void asyncServerErrorIsCountedByStatus() throws Exception {
    server.on(
        "POST",
        "/api/v1/orders/" + ORDER + "/payments",
        Reply.problem(503, "problem-service-unavailable.json").withHeader("Retry-After", "1"));

    Timed<Payment> timed =
        client.payAsync(SESSION, ORDER, "k", "tok_visa").get(5, TimeUnit.SECONDS);

    assertThat(timed.status()).isEqualTo(503);
    assertThat(timed.errorKind()).isEqualTo("http_503");
    assertThat(timed.error().retryAfter()).contains(Duration.ofSeconds(1));
  }

  @Test
  void asyncTimeoutIsCountedAsTimeout() throws Exception {
    server.on(
        "GET",
        "/api/v1/products/" + PRODUCT,
        Reply.json(200, "product-response.json").delayed(Duration.ofSeconds(10)));
    try (StockroomClient impatient =
        new StockroomClient(server.endpoints(), Duration.ofMillis(300))) {
      Timed<Product> timed = impatient.getProductAsync(PRODUCT).get(5, TimeUnit.SECONDS);

      assertThat(timed.status()).isZero();
      assertThat(timed.errorKind()).isEqualTo(ApiException.TIMEOUT);
      assertThat(timed.error().isTransportFailure()).isTrue();
      assertThat(timed.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }
  }

  @Test
  void refusedConnectionIsCountedAsConnect() throws Exception {
    URI closed = closedPort();
    try (StockroomClient nowhere =
        new StockroomClient(new Endpoints(closed, closed, closed, closed), Duration.ofSeconds(2))) {
      Timed<Product> timed = nowhere.getProductAsync(PRODUCT).get(5, TimeUnit.SECONDS);

      assertThat(timed.status()).isZero();
      assertThat(timed.errorKind()).isEqualTo(ApiException.CONNECT);

      ApiException e = catchThrowableOfType(ApiException.class, () -> nowhere.getProduct(PRODUCT));
      assertThat(e.kind()).isEqualTo(ApiException.CONNECT);
      assertThat(e.status()).isZero();
      assertThat(e.getMessage()).startsWith("GET /api/v1/products/" + PRODUCT + " failed: connect");
    }
  }

  @Test
  void synchronousTimeoutThrowsWithTheTimeoutKind() {
    server.on(
        "GET",
        "/api/v1/products/" + PRODUCT,
        Reply.json(200, "product-response.json").delayed(Duration.ofSeconds(10)));
    try (StockroomClient impatient =
        new StockroomClient(server.endpoints(), Duration.ofMillis(300))) {
      ApiException e =
          catchThrowableOfType(ApiException.class, () -> impatient.getProduct(PRODUCT));

      assertThat(e.kind()).isEqualTo(ApiException.TIMEOUT);
    }
  }

  /** A loopback port nothing listens on: bound, then released. */
  private static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }
}
