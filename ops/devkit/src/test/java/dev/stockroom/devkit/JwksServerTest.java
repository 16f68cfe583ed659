package dev.stockroom.devkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwksServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesTheJwksOfEveryTokenSetOnLoopbackAndCountsFetches() throws Exception {
    TestTokens current = TestTokens.create();
    TestTokens previous = TestTokens.create();
    try (JwksServer server = new JwksServer(current, previous)) {
      assertThat(server.url()).matches("http://127\\.0\\.0\\.1:\\d+/\\.well-known/jwks\\.json");
      assertThat(server.requestCount()).isZero();

      HttpResponse<String> response = get(server.url());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(kids(response.body())).containsExactly(current.kid(), previous.kid());
      assertThat(response.body()).isEqualTo(TestTokens.jwksJson(List.of(current, previous)));
      get(server.url());
      assertThat(server.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void rotatesToNewKeysAndCanFailUntilToldToServeAgain() throws Exception {
    TestTokens old = TestTokens.create();
    TestTokens rotated = TestTokens.create();
    try (JwksServer server = JwksServer.start(old)) {
      server.serve(rotated, old);
      assertThat(kids(get(server.url()).body())).containsExactly(rotated.kid(), old.kid());

      server.failWith(503);
      HttpResponse<String> failed = get(server.url());
      assertThat(failed.statusCode()).isEqualTo(503);
      assertThat(failed.body()).isEmpty();

      server.serve(rotated);
      assertThat(kids(get(server.url()).body())).containsExactly(rotated.kid());
      assertThat(server.requestCount()).isEqualTo(3);
    }
  }

  @Test
  void answersOnlyTheJwksPath() throws Exception {
    try (JwksServer server = JwksServer.start(TestTokens.create())) {
      String other = server.url().replace("/.well-known/jwks.json", "/other");

      assertThat(get(other).statusCode()).isEqualTo(404);
      assertThat(server.requestCount()).isZero();
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> kids(String jwks) throws Exception {
    List<String> kids = new ArrayList<>();
    for (JsonNode key : JSON.readTree(jwks).get("keys")) {
      kids.add(key.get("kid").asText());
    }
    return kids;
  }
}
