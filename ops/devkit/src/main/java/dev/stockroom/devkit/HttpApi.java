package dev.stockroom.devkit;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Real HTTP to an application on 127.0.0.1, with raw bodies so a test can send anything, and the
 * checks every service's tests make of an answer. Each service's test {@code ApiClient} extends it
 * with its own flows (register and log in, place an order...).
 *
 * <p>The named methods send {@code Accept: application/json} and the bearer token when one is
 * given; {@link #send} sends exactly the headers it is given.
 */
public class HttpApi {
  public static final ObjectMapper JSON = new ObjectMapper();

  private static final String APPLICATION_JSON = "application/json";

  /** A package-qualified Java name such as {@code java.lang.IllegalStateException}. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");

  // Longer than the longest long poll a test holds (30 s) plus a slow machine's margin.
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public HttpApi(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public HttpResponse<String> get(String path) {
    return get(path, null);
  }

  public HttpResponse<String> get(String path, String token) {
    return send("GET", path, null, null, headers(token));
  }

  /**
   * A GET that does not wait for its answer, for a long poll that the test answers meanwhile. The
   * request is on its way when this returns.
   */
  public CompletableFuture<HttpResponse<String>> getAsync(String path, String token) {
    return http.sendAsync(
        request("GET", path, null, null, headers(token)), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET with {@code If-None-Match}. */
  public HttpResponse<String> getIfNoneMatch(String path, String etag) {
    Map<String, String> headers = headers(null);
    headers.put("If-None-Match", etag);
    return send("GET", path, null, null, headers);
  }

  public HttpResponse<String> post(String path, String json) {
    return post(path, json, null);
  }

  public HttpResponse<String> post(String path, String json, String token) {
    return send("POST", path, APPLICATION_JSON, json, headers(token));
  }

  public HttpResponse<String> put(String path, String json, String token) {
    return put(path, json, token, null);
  }

  /** A PUT with {@code If-Match}, unless {@code ifMatch} is null. */
  public HttpResponse<String> put(String path, String json, String token, String ifMatch) {
    return send("PUT", path, APPLICATION_JSON, json, ifMatch(headers(token), ifMatch));
  }

  /** A PATCH with {@code If-Match}, unless {@code ifMatch} is null. */
  public HttpResponse<String> patch(String path, String json, String token, String ifMatch) {
    return send("PATCH", path, APPLICATION_JSON, json, ifMatch(headers(token), ifMatch));
  }

  public HttpResponse<String> delete(String path, String token) {
    return send("DELETE", path, null, null, headers(token));
  }

  /** Any request, for tests that need unusual methods, headers or bodies. */
  public HttpResponse<String> send(
      String method, String path, String contentType, String body, Map<String, String> headers) {
    try {
      return http.send(
          request(method, path, contentType, body, headers), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest request(
      String method, String path, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(REQUEST_TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    headers.forEach(builder::header);
    return builder.build();
  }

  /** {@code Accept: application/json}, and the bearer token unless it is null; add to it. */
  protected static Map<String, String> headers(String token) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", APPLICATION_JSON);
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    return headers;
  }

  private static Map<String, String> ifMatch(Map<String, String> headers, String ifMatch) {
    if (ifMatch != null) {
      headers.put("If-Match", ifMatch);
    }
    return headers;
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  /**
   * Asserts an RFC 9457 problem with {@code status}: the media type, a type and a title, and
   * nothing a client should never see (stack frames, Java class names, exception names). Returns
   * it.
   */
  public static JsonNode assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertNoInternals(response.body());
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("type").asText()).isNotBlank();
    assertThat(problem.path("title").asText()).isNotBlank();
    return problem;
  }

  /** Asserts that {@code body} shows no stack frame, Java class name or exception name. */
  public static void assertNoInternals(String body) {
    assertThat(body).doesNotContain("Exception").doesNotContain(".java:").doesNotContain("\tat ");
    assertThat(CLASS_NAME.matcher(body).find()).as("class name in %s", body).isFalse();
  }
}
