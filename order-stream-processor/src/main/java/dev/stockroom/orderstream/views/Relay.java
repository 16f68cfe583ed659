package dev.stockroom.orderstream.views;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/** Turns another instance's answer into ours, byte for byte, keeping the headers that matter. */
final class Relay {
  private Relay() {}

  static Response response(HttpResponse<String> forwarded) {
    Response.ResponseBuilder response = Response.status(forwarded.statusCode());
    forwarded
        .headers()
        .firstValue(HttpHeaders.CONTENT_TYPE)
        .ifPresent(type -> response.header(HttpHeaders.CONTENT_TYPE, type));
    forwarded.headers().firstValue("Retry-After").ifPresent(v -> response.header("Retry-After", v));
    forwarded.headers().firstValue("ETag").ifPresent(v -> response.header("ETag", v));
    return response.entity(forwarded.body()).build();
  }

  /**
   * Resumes with an entity or, for an exception, with the error: {@code resume(Object)} would
   * otherwise serialise the exception as a 200 body.
   */
  static void resume(AsyncResponse response, Object outcome) {
    if (outcome instanceof Throwable error) {
      response.resume(error);
    } else {
      response.resume(outcome);
    }
  }

  /** Relays the forwarded answer, or a 503 when the other instance could not be reached. */
  static void resume(
      AsyncResponse response, HttpResponse<String> answer, Throwable failure, Duration retryAfter) {
    if (failure == null) {
      response.resume(Relay.response(answer));
    } else {
      response.resume(unreachable(failure, retryAfter));
    }
  }

  static ViewUnavailableException unreachable(Throwable failure, Duration retryAfter) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return new ViewUnavailableException(
        "the instance that owns this key did not answer (" + cause.getClass().getSimpleName() + ")",
        retryAfter);
  }
}
