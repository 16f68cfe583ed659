package dev.stockroom.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stockroom.devkit.HttpApi;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/** {@link HttpApi} with the order flows and tokens the order-service tests repeat. */
public final class ApiClient extends HttpApi {
  public ApiClient(int port) {
    super(port);
  }

  /** A POST with an {@code Idempotency-Key}. */
  public HttpResponse<String> post(String path, String json, String token, String idempotencyKey) {
    Map<String, String> headers = headers(token);
    headers.put("Idempotency-Key", idempotencyKey);
    return send("POST", path, "application/json", json, headers);
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

  public static String customer(UUID id) {
    return TestApps.TOKENS.token(id, "customer");
  }

  public static String admin(UUID id) {
    return TestApps.TOKENS.token(id, "admin");
  }
}
