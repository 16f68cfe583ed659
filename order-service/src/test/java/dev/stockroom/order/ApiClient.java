package dev.stockroom.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Real HTTP against a running application, with raw bodies so tests can send anything. */
public final class ApiClient {
  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public HttpResponse<String> get(String path, String token) {
    return send("GET", path, null, null, auth(token));
  }

  public HttpResponse<String> post(String path, String json, String token) {
    return send("POST", path, "application/json", json, auth(token));
  }

  public HttpResponse<String> post(String path, String json, String token, String idempotencyKey) {
    Map<String, String> headers = auth(token);
    headers.put("Idempotency-Key", idempotencyKey);
    return send("POST", path, "application/json", json, headers);
  }

  /** Any request, for tests that need unusual methods, headers or bodies. */
  public HttpResponse<String> send(
      String method, String path, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    headers.forEach(builder::header);
    try {
      return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Places an order; asserts 201 and returns the order JSON. */
  public JsonNode place(String token, Object... productAndQuantity) {
    HttpResponse<String> response = post("/api/v1/orders", order(productAndQuantity), token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response);
  }

  public JsonNode order(String token, String id) {
    HttpResponse<String> response = get("/api/v1/orders/" + id, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  public String status(String token, String id) {
    return order(token, id).path("status").asText();
  }

  /** An order body from (productId, quantity) pairs. */
  public static String order(Object... productAndQuantity) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode lines = body.putArray("lines");
    for (int i = 0; i < productAndQuantity.length; i += 2) {
      ObjectNode line = lines.addObject();
      line.put("productId", productAndQuantity[i].toString());
      line.put("quantity", (Integer) productAndQuantity[i + 1]);
    }
    return body.toString();
  }

  public static String card(String token) {
    return JSON.createObjectNode().put("cardToken", token).toString();
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  /** Asserts an RFC 9457 problem with {@code status} and returns it. */
  public static JsonNode assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    return problem;
  }

  public static String customer(UUID id) {
    return TestApps.TOKENS.token(id, "customer");
  }

  public static String admin(UUID id) {
    return TestApps.TOKENS.token(id, "admin");
  }

  private static Map<String, String> auth(String token) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    return headers;
  }
}
