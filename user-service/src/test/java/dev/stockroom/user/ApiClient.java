package dev.stockroom.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stockroom.devkit.HttpApi;
import java.net.http.HttpResponse;

/** {@link HttpApi} with the account flows the user-service tests repeat. */
public final class ApiClient extends HttpApi {
  public static final String PASSWORD = "correct horse battery";

  public ApiClient(int port) {
    super(port);
  }

  // ---- the account flow

  /** Registers an account; asserts 201 and returns the user JSON. */
  public JsonNode register(String email, String displayName) {
    HttpResponse<String> response =
        post("/api/v1/users", registration(email, PASSWORD, displayName));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response);
  }

  /** Logs in; asserts 200 and returns the token response JSON. */
  public JsonNode login(String email, String password) {
    HttpResponse<String> response = post("/api/v1/auth/token", credentials(email, password));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  public String accessToken(String email) {
    return login(email, PASSWORD).path("accessToken").asText();
  }

  public static String registration(String email, String password, String displayName) {
    ObjectNode body = JSON.createObjectNode();
    body.put("email", email);
    body.put("password", password);
    body.put("displayName", displayName);
    return body.toString();
  }

  public static String credentials(String email, String password) {
    ObjectNode body = JSON.createObjectNode();
    body.put("email", email);
    body.put("password", password);
    return body.toString();
  }

  public static String refreshToken(String token) {
    ObjectNode body = JSON.createObjectNode();
    body.put("refreshToken", token);
    return body.toString();
  }
}
