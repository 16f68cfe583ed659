package dev.stockroom.platform.web;

import static dev.stockroom.devkit.HttpApi.assertNoInternals;
import static dev.stockroom.devkit.HttpApi.assertProblem;
import static dev.stockroom.devkit.HttpApi.json;
import static dev.stockroom.platform.web.TestHttp.get;
import static dev.stockroom.platform.web.TestHttp.postJson;
import static dev.stockroom.platform.web.TestHttp.request;
import static dev.stockroom.platform.web.TestHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.platform.errors.ConflictException;
import dev.stockroom.platform.errors.ProblemTypes;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every error path of a real Dropwizard server answers RFC 9457 problem JSON. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(60)
class ProblemResponsesIT {
  static final DropwizardAppExtension<TestConfiguration> APP =
      new DropwizardAppExtension<>(
          TestApplication.class, ResourceHelpers.resourceFilePath("test-app.yml"));

  private static final String VALID =
      """
      {"email": "ada@example.com", "quantity": 2, "displayName": "Ada",
       "lines": [{"productId": "%s", "quantity": 1}]}
      """
          .formatted(UUID.randomUUID());

  private static String api(String path) {
    return "http://127.0.0.1:" + APP.getLocalPort() + path;
  }

  private static String admin(String path) {
    return "http://127.0.0.1:" + APP.getAdminPort() + path;
  }

  private static List<String> fields(JsonNode problem) {
    return StreamSupport.stream(problem.path("errors").spliterator(), false)
        .map(error -> error.path("field").asText())
        .toList();
  }

  @Test
  void acceptsAValidBody() {
    HttpResponse<String> response = postJson(api("/test/things"), VALID);

    assertThat(response.statusCode()).isEqualTo(201);
  }

  @Test
  void malformedJsonIsA400() {
    JsonNode problem = assertProblem(postJson(api("/test/things"), "{\"email\": "), 400);

    assertThat(problem.path("type").asText()).isEqualTo(ProblemTypes.MALFORMED_JSON);
    assertThat(problem.path("detail").asText()).contains("not valid JSON");
  }

  @Test
  void wrongTypeIsA400NamingTheField() {
    String body = VALID.replace("\"quantity\": 2", "\"quantity\": \"many\"");

    JsonNode problem = assertProblem(postJson(api("/test/things"), body), 400);

    assertThat(fields(problem)).containsExactly("quantity");
    assertThat(problem.path("errors").get(0).path("message").asText())
        .isEqualTo("must be an integer");
  }

  @Test
  void numbersInStringsAndStringsAsNumbersAreNotCoerced() {
    assertProblem(
        postJson(api("/test/things"), VALID.replace("\"quantity\": 2", "\"quantity\": \"2\"")),
        400);
    assertProblem(
        postJson(api("/test/things"), VALID.replace("\"quantity\": 2", "\"quantity\": 2.5")), 400);
    JsonNode problem =
        assertProblem(postJson(api("/test/things"), VALID.replace("\"Ada\"", "12345")), 400);
    assertThat(fields(problem)).containsExactly("displayName");
    assertThat(problem.path("errors").get(0).path("message").asText())
        .isEqualTo("must be a string");
  }

  @Test
  void wrongTypeInsideAListNamesTheElement() {
    String body = VALID.replace("\"quantity\": 1}", "\"quantity\": true}");

    JsonNode problem = assertProblem(postJson(api("/test/things"), body), 400);

    assertThat(fields(problem)).containsExactly("lines[0].quantity");
  }

  @Test
  void unknownFieldIsA422NamingTheField() {
    String body = VALID.replace("\"email\"", "\"roles\": [\"admin\"], \"email\"");

    JsonNode problem = assertProblem(postJson(api("/test/things"), body), 422);

    assertThat(problem.path("type").asText()).isEqualTo(ProblemTypes.VALIDATION);
    assertThat(fields(problem)).containsExactly("roles");
    assertThat(problem.path("errors").get(0).path("message").asText())
        .isEqualTo("is not a known field");
  }

  @Test
  void duplicateKeysAreRejected() {
    String body = VALID.replace("\"email\"", "\"email\": \"eve@example.com\", \"email\"");

    assertProblem(postJson(api("/test/things"), body), 400);
  }

  @Test
  void bodyOfTheWrongShapeIsA400() {
    JsonNode problem = assertProblem(postJson(api("/test/things"), "[1, 2]"), 400);

    assertThat(problem.path("detail").asText()).contains("must be an object");
  }

  @Test
  void missingBodyIsA422() {
    JsonNode problem = assertProblem(postJson(api("/test/things"), ""), 422);

    assertThat(problem.path("errors").get(0).path("message").asText()).contains("request body");
  }

  @Test
  void validationErrorsAre422WithJsonFieldPaths() {
    String body =
        """
        {"email": "not-an-email", "quantity": 0, "displayName": "",
         "lines": [{"productId": null, "quantity": 0}, null]}
        """;

    JsonNode problem = assertProblem(postJson(api("/test/things"), body), 422);

    assertThat(problem.path("type").asText()).isEqualTo(ProblemTypes.VALIDATION);
    assertThat(fields(problem))
        .containsExactly(
            "displayName",
            "email",
            "lines[0].productId",
            "lines[0].quantity",
            "lines[1]",
            "quantity");
    assertThat(problem.path("errors").get(0).path("message").asText())
        .isEqualTo("must not be blank");
  }

  @Test
  void domainProblemExceptionsKeepTheirStatusTypeAndDetail() {
    UUID id = UUID.randomUUID();
    JsonNode notFound = assertProblem(get(api("/test/things/" + id)), 404);
    assertThat(notFound.path("type").asText()).isEqualTo(ProblemTypes.NOT_FOUND);
    assertThat(notFound.path("detail").asText()).isEqualTo("Thing " + id + " does not exist.");
    assertThat(notFound.path("instance").asText()).isEqualTo("/test/things/" + id);

    JsonNode conflict = assertProblem(get(api("/test/conflict")), 409);
    assertThat(conflict.path("type").asText()).isEqualTo(ProblemTypes.CONFLICT);
    assertThat(conflict.path("detail").asText()).isEqualTo("That name is taken.");
  }

  @Test
  void extensionMembersAreWrittenBesideTheStandardOnes() {
    JsonNode conflict = assertProblem(get(api("/test/conflict-with-level")), 409);

    assertThat(conflict.path("detail").asText()).isEqualTo("Only 3 left.");
    assertThat(conflict.path("onHand").asInt()).isEqualTo(3);
    assertThat(conflict.path("productIds").get(1).asText()).isEqualTo("b");
    assertThat(conflict.has("extensions")).as("no wrapper member").isFalse();
    assertThatThrownBy(() -> new ConflictException("x").withExtension("status", 200))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unparseablePathParameterIsA404() {
    assertProblem(get(api("/test/things/not-a-uuid")), 404);
  }

  @Test
  void badQueryParametersAre400NamingTheParameter() {
    JsonNode notANumber = assertProblem(get(api("/test/query?count=abc")), 400);
    assertThat(fields(notANumber)).containsExactly("count");

    JsonNode outOfRange = assertProblem(get(api("/test/query?count=500")), 400);
    assertThat(fields(outOfRange)).containsExactly("count");
  }

  @Test
  void unexpectedExceptionIsA500WithOnlyAnErrorId() {
    HttpResponse<String> response = get(api("/test/boom"));

    JsonNode problem = assertProblem(response, 500);
    assertThat(response.body())
        .doesNotContain("SQL")
        .doesNotContain("password")
        .doesNotContain("Secret");
    String errorId = problem.path("errorId").asText();
    assertThat(UUID.fromString(errorId)).isNotNull();
    assertThat(problem.path("detail").asText()).contains(errorId);
  }

  @Test
  void illegalStateIsAPlain500() {
    HttpResponse<String> response = get(api("/test/illegal-state"));

    assertProblem(response, 500);
    assertThat(response.body()).doesNotContain("Secret");
  }

  @Test
  void errorResponseWithoutBodyBecomesAProblem() {
    JsonNode problem = assertProblem(get(api("/test/empty-error")), 409);

    assertThat(problem.path("type").asText()).isEqualTo(ProblemTypes.ABOUT_BLANK);
    assertThat(problem.path("title").asText()).isEqualTo("Conflict");
  }

  @Test
  void unknownPathIsA404EvenForBrowsers() {
    assertProblem(get(api("/nowhere")), 404);
    assertProblem(get(api("/nowhere"), "Accept", "text/html"), 404);
  }

  @Test
  void wrongMethodIsA405WithAllow() {
    HttpResponse<String> response = send(request(api("/test/things")).DELETE());

    assertProblem(response, 405);
    assertThat(response.headers().firstValue("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
  }

  @Test
  void methodRefusedBeforeJerseyIsA405Problem() {
    HttpResponse<String> response =
        send(request(api("/test/things")).method("TRACE", HttpRequest.BodyPublishers.noBody()));

    assertProblem(response, 405);
  }

  @Test
  void unacceptableMediaTypeIsA406() {
    assertProblem(get(api("/test/conflict"), "Accept", "application/xml"), 406);
  }

  @Test
  void wrongContentTypeIsA415() {
    HttpResponse<String> response =
        send(
            request(api("/test/things"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(VALID)));

    assertProblem(response, 415);
  }

  @Test
  void wellFormedRequestIdIsEchoedAndInTheMdc() {
    HttpResponse<String> response = get(api("/test/mdc"), "X-Request-Id", "client-req.42:a_b");

    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("client-req.42:a_b");
    assertThat(json(response).path("requestId").asText()).isEqualTo("client-req.42:a_b");
  }

  @Test
  void aRequestContinuesTheCallersTraceOrStartsOne() {
    HttpResponse<String> traced =
        get(
            api("/test/mdc"),
            "traceparent",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    assertThat(json(traced).path("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");

    String started =
        json(get(api("/test/mdc"), "traceparent", "nonsense")).path("traceId").asText();
    assertThat(started).hasSize(32).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void requestIdIsGeneratedWhenMissingOrMalformed() {
    HttpResponse<String> missing = get(api("/test/mdc"));
    String generated = missing.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(UUID.fromString(generated)).isNotNull();
    assertThat(json(missing).path("requestId").asText()).isEqualTo(generated);

    HttpResponse<String> malformed =
        get(api("/test/mdc"), "X-Request-Id", "<script>alert(1)</script>");
    String replaced = malformed.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(UUID.fromString(replaced)).isNotNull();

    HttpResponse<String> tooLong = get(api("/test/mdc"), "X-Request-Id", "a".repeat(129));
    assertThat(tooLong.headers().firstValue("X-Request-Id").orElseThrow()).hasSize(36);
  }

  @Test
  void problemsCarryTheRequestId() {
    HttpResponse<String> inJersey = get(api("/test/conflict"), "X-Request-Id", "req-jersey");
    assertThat(assertProblem(inJersey, 409).path("requestId").asText()).isEqualTo("req-jersey");
    assertThat(inJersey.headers().firstValue("X-Request-Id")).hasValue("req-jersey");

    HttpResponse<String> inJetty =
        send(
            request(api("/test/things"))
                .header("X-Request-Id", "req-jetty")
                .method("TRACE", HttpRequest.BodyPublishers.noBody()));
    assertThat(assertProblem(inJetty, 405).path("requestId").asText()).isEqualTo("req-jetty");
    assertThat(inJetty.headers().firstValue("X-Request-Id")).hasValue("req-jetty");
  }

  @Test
  void bodyOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
    // Only the headers are sent: the answer proves the server decided without reading the body.
    RawResponse response =
        raw(
            APP.getLocalPort(),
            "POST /test/things HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 10485760\r\nX-Request-Id: req-big\r\n\r\n");

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.head()).containsIgnoringCase("Content-Type: " + Problems.MEDIA_TYPE);
    assertThat(response.head()).containsIgnoringCase("Connection: close");
    JsonNode problem = dev.stockroom.devkit.HttpApi.JSON.readTree(response.body());
    assertThat(problem.path("type").asText()).isEqualTo(ProblemTypes.PAYLOAD_TOO_LARGE);
    assertThat(problem.path("requestId").asText()).isEqualTo("req-big");
  }

  @Test
  void bodyOverTheLimitWithContentLengthIsA413() {
    String big = "{\"email\": \"" + "a".repeat(20 * 1024) + "\"}";

    assertProblem(postJson(api("/test/things"), big), 413);
  }

  @Test
  void chunkedBodyOverTheLimitIsA413() {
    byte[] big =
        ("{\"email\": \"" + "a".repeat(20 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response =
        send(
            request(api("/test/things"))
                .header("Content-Type", "application/json")
                // No length known up front: the client sends it chunked.
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

    assertProblem(response, 413);
  }

  @Test
  void chunkedBodyUnderTheLimitIsAccepted() {
    byte[] body = VALID.getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response =
        send(
            request(api("/test/things"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body))));

    assertThat(response.statusCode()).isEqualTo(201);
  }

  @Test
  void headersTooLargeIsAProblemFromJetty() throws IOException {
    RawResponse response =
        raw(
            APP.getLocalPort(),
            "GET /test/conflict HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "b".repeat(64 * 1024)
                + "\r\nConnection: close\r\n\r\n");

    assertThat(response.status()).isEqualTo(431);
    assertThat(response.head()).containsIgnoringCase("Content-Type: " + Problems.MEDIA_TYPE);
    assertThat(response.body()).contains("\"status\":431");
    assertNoInternals(response.body());
  }

  @Test
  void malformedUriIsAProblemFromJetty() throws IOException {
    RawResponse response =
        raw(
            APP.getLocalPort(),
            "GET /test/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.head()).containsIgnoringCase("Content-Type: " + Problems.MEDIA_TYPE);
    assertThat(response.body()).contains("\"status\":400");
    assertNoInternals(response.body());
  }

  @Test
  void adminPortErrorsAreProblems() {
    HttpResponse<String> response = get(admin("/nowhere"), "X-Request-Id", "req-admin");

    assertThat(assertProblem(response, 404).path("requestId").asText()).isEqualTo("req-admin");
  }

  @Test
  void prometheusEndpointServesTheMetricRegistryAsText() {
    postJson(api("/test/things"), VALID);

    HttpResponse<String> response = get(admin("/prometheus"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    assertThat(response.body())
        .contains("# TYPE io_dropwizard_jetty_MutableServletContextHandler_requests summary")
        .containsPattern("(?m)^stockroom_test_calls_total [1-9]");
  }

  private record RawResponse(int status, String head, String body) {}

  /** Sends bytes Jetty must refuse before any servlet sees them, and reads the whole answer. */
  private static RawResponse raw(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          received.write(buffer, 0, n);
        }
      } catch (SocketException resetAfterResponse) {
        // Jetty may reset the connection after answering a request it will not read further.
      }
      String text = received.toString(StandardCharsets.ISO_8859_1);
      int split = text.indexOf("\r\n\r\n");
      assertThat(split).as("response: %s", text).isPositive();
      String head = text.substring(0, split);
      String body = text.substring(split + 4);
      int status = Integer.parseInt(head.split(" ", 3)[1]);
      return new RawResponse(status, head, body);
    }
  }
}
