package dev.stockroom.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A call that did not succeed: either the server answered with a non-2xx status (then {@link
 * #status()}, {@link #type()}, {@link #title()} and {@link #detail()} come from its RFC 9457
 * problem body, and {@link #body()} keeps the raw text), or no usable answer arrived (then {@link
 * #status()} is 0 and {@link #kind()} names the transport failure).
 *
 * <p>{@link #kind()} is the one string to count errors by: {@code http_<status>}, {@code timeout},
 * {@code connect}, {@code io}, {@code interrupted}, or {@code invalid_response} (a 2xx whose body
 * could not be read).
 */
public final class ApiException extends RuntimeException {
  public static final String TIMEOUT = "timeout";
  public static final String CONNECT = "connect";
  public static final String IO = "io";
  public static final String INTERRUPTED = "interrupted";
  public static final String INVALID_RESPONSE = "invalid_response";

  /** RFC 9457's default problem type, used when a body names none. */
  public static final String ABOUT_BLANK = "about:blank";

  /** One invalid field named by a validation problem ({@code lines[3].quantity}). */
  public record FieldError(String field, String message) {}

  private final String kind;
  private final String request;
  private final int status;
  private final String type;
  private final String title;
  private final String detail;
  private final List<FieldError> errors;
  private final Duration retryAfter;
  private final String body;

  private ApiException(
      String kind,
      String request,
      int status,
      String type,
      String title,
      String detail,
      List<FieldError> errors,
      Duration retryAfter,
      String body,
      Throwable cause) {
    super(message(request, status, kind, title, detail, cause), cause);
    this.kind = kind;
    this.request = request;
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
    this.body = body;
  }

  /** An HTTP error answer, for callers (and their tests) that need to make one. */
  public static ApiException http(
      String request, int status, String type, String title, String detail, String body) {
    return new ApiException(
        "http_" + status, request, status, type, title, detail, List.of(), null, body, null);
  }

  /** A request that got no answer; {@code kind} is one of the transport kinds above. */
  public static ApiException transport(String request, String kind, Throwable cause) {
    return new ApiException(kind, request, 0, null, null, null, List.of(), null, null, cause);
  }

  /** Parses the problem body of a non-2xx answer; any body (or none) still gives an exception. */
  static ApiException fromResponse(
      String request, int status, HttpHeaders headers, byte[] rawBody, ObjectMapper json) {
    String body = rawBody == null ? "" : new String(rawBody, StandardCharsets.UTF_8);
    String type = null;
    String title = null;
    String detail = null;
    List<FieldError> errors = new ArrayList<>();
    JsonNode problem = parse(json, rawBody);
    if (problem != null && problem.isObject()) {
      type = text(problem, "type");
      title = text(problem, "title");
      detail = text(problem, "detail");
      for (JsonNode error : problem.path("errors")) {
        errors.add(new FieldError(text(error, "field"), text(error, "message")));
      }
    }
    return new ApiException(
        "http_" + status,
        request,
        status,
        type == null ? ABOUT_BLANK : type,
        title,
        detail,
        errors,
        retryAfter(headers),
        body,
        null);
  }

  /** Names the transport failure behind {@code failure} (unwrapping async wrappers). */
  static ApiException fromFailure(String request, Throwable failure) {
    Throwable cause = unwrap(failure);
    return transport(request, transportKind(cause), cause);
  }

  static ApiException invalidResponse(String request, int status, byte[] body, Throwable cause) {
    return new ApiException(
        INVALID_RESPONSE,
        request,
        status,
        null,
        null,
        "the response body could not be read",
        List.of(),
        null,
        body == null ? "" : new String(body, StandardCharsets.UTF_8),
        cause);
  }

  static String transportKind(Throwable failure) {
    // The order matters: a connect timeout is a kind of timeout, but it says the server was not
    // reachable at all, which is what a load report needs to tell apart from a slow answer.
    if (has(failure, HttpConnectTimeoutException.class)
        || has(failure, ConnectException.class)
        || has(failure, NoRouteToHostException.class)
        || has(failure, UnknownHostException.class)
        || has(failure, UnresolvedAddressException.class)) {
      return CONNECT;
    }
    if (has(failure, HttpTimeoutException.class)) {
      return TIMEOUT;
    }
    if (has(failure, InterruptedException.class)) {
      return INTERRUPTED;
    }
    return IO;
  }

  /** {@code http_422}, {@code timeout}, {@code connect}, ...: what to count this error as. */
  public String kind() {
    return kind;
  }

  /** The request that failed, such as {@code POST /api/v1/orders}; null if unknown. */
  public String request() {
    return request;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /**
   * The problem type URI ({@code urn:stockroom:problem:validation}); null for transport failures.
   */
  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  /** The field errors of a validation problem; empty otherwise. */
  public List<FieldError> errors() {
    return errors;
  }

  /** {@code Retry-After} of a 429 or 503, when the server sent it in seconds. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The raw response body as sent; empty for transport failures. */
  public String body() {
    return body == null ? "" : body;
  }

  public boolean isTransportFailure() {
    return status == 0;
  }

  private static String message(
      String request, int status, String kind, String title, String detail, Throwable cause) {
    StringBuilder message = new StringBuilder(request == null ? "request" : request);
    if (status == 0) {
      message.append(" failed: ").append(kind);
      if (cause != null && cause.getMessage() != null) {
        message.append(" (").append(cause.getMessage()).append(')');
      }
      return message.toString();
    }
    message.append(" -> ").append(status);
    if (title != null) {
      message.append(' ').append(title);
    }
    if (detail != null) {
      message.append(": ").append(detail);
    }
    return message.toString();
  }

  private static JsonNode parse(ObjectMapper json, byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      // Not JSON (a proxy's HTML page, say): the status and raw body still tell the story.
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Duration retryAfter(HttpHeaders headers) {
    if (headers == null) {
      return null;
    }
    return headers
        .firstValue("Retry-After")
        .flatMap(
            value -> {
              try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
              } catch (NumberFormatException e) {
                // The HTTP-date form; our services only send seconds.
                return Optional.empty();
              }
            })
        .orElse(null);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static boolean has(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
