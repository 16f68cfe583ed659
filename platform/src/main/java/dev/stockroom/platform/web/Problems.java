package dev.stockroom.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockroom.platform.errors.FieldError;
import dev.stockroom.platform.errors.ProblemException;
import dev.stockroom.platform.errors.ProblemTypes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;

/**
 * Builds and serializes problem documents. Every error path (Jersey mappers, servlet filters, the
 * Jetty error handlers) goes through here so they all look the same.
 *
 * <p>Serialization uses a private mapper, not the application's: a problem must be writable even
 * when the failure was in the application's JSON configuration, and it is written as bytes so no
 * content negotiation can turn an error into a 406 or a 500.
 */
public final class Problems {
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  public static byte[] toJson(Problem problem) {
    try {
      return JSON.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      // A record of strings, ints and string pairs always serializes; this is unreachable.
      throw new UncheckedIOException(e);
    }
  }

  /** The HTTP reason phrase, used as the title of {@code about:blank} problems. */
  public static String title(int status) {
    return HttpStatus.getMessage(status);
  }

  /** A plain HTTP problem ({@code about:blank}) with a fixed, safe detail for the status. */
  public static Problem forStatus(int status, String instance, String requestId) {
    return forStatus(status, defaultDetail(status), instance, requestId, List.of());
  }

  public static Problem forStatus(
      int status, String detail, String instance, String requestId, List<FieldError> errors) {
    return new Problem(
        ProblemTypes.ABOUT_BLANK, title(status), status, detail, instance, requestId, null, errors);
  }

  public static Problem from(ProblemException e, String instance, String requestId) {
    return new Problem(
        e.type(),
        e.title(),
        e.status(),
        e.detail(),
        instance,
        requestId,
        null,
        e.errors(),
        e.extensions());
  }

  /**
   * The response for a problem with extra headers. {@code Cache-Control: no-store} because an error
   * about one request must not be replayed by a cache for another.
   */
  public static Response toResponse(Problem problem, Map<String, ?> headers) {
    Response.ResponseBuilder builder =
        Response.status(problem.status())
            .type(MEDIA_TYPE)
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .entity(toJson(problem));
    headers.forEach(builder::header);
    return builder.build();
  }

  /** What a client may be told about a status when nothing more specific is known. */
  public static String defaultDetail(int status) {
    return switch (status) {
      case 400 -> "The request could not be understood.";
      case 401 -> "Authentication is required: send a valid bearer token.";
      case 403 -> "You are not allowed to do this.";
      case 404 -> "The requested resource does not exist.";
      case 405 -> "This method is not allowed on this resource.";
      case 406 -> "The requested media type cannot be produced; this API speaks application/json.";
      case 408 -> "The request took too long to arrive.";
      case 409 -> "The request conflicts with the current state of the resource.";
      case 411 -> "The request needs a Content-Length.";
      case 412 -> "A precondition of the request did not hold.";
      case 413 -> "The request body is too large.";
      case 414 -> "The request URI is too long.";
      case 415 -> "Unsupported content type; send application/json.";
      case 422 -> "The request is well-formed but invalid.";
      case 429 -> "Too many requests; slow down.";
      case 431 -> "The request headers are too large.";
      case 500 -> "An unexpected error occurred.";
      case 501 -> "This is not implemented.";
      case 503 -> "The service is temporarily unavailable; try again later.";
      case 505 -> "This HTTP version is not supported.";
      default -> null;
    };
  }
}
