package dev.stockroom.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/** Real HTTP calls for the application tests, and the checks every problem response must pass. */
public final class TestHttp {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A package-qualified Java name such as {@code java.lang.IllegalStateException}. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private TestHttp() {}

  public static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
  }

  public static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static HttpResponse<String> get(String url, String... headers) {
    HttpRequest.Builder request = request(url).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  public static HttpResponse<String> postJson(String url, String body, String... headers) {
    HttpRequest.Builder request =
        request(url)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + response.body(), e);
    }
  }

  /**
   * Asserts an RFC 9457 problem with {@code status}: the media type, the standard members, and
   * nothing a client should never see (stack frames, Java class names, exception names).
   */
  public static JsonNode assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith(Problems.MEDIA_TYPE));
    assertNoInternals(response.body());
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("type").asText()).isNotEmpty();
    assertThat(problem.path("title").asText()).isNotEmpty();
    return problem;
  }

  public static void assertNoInternals(String body) {
    assertThat(body).doesNotContain("Exception").doesNotContain(".java:").doesNotContain("\tat ");
    assertThat(CLASS_NAME.matcher(body).find()).as("class name in %s", body).isFalse();
  }
}
