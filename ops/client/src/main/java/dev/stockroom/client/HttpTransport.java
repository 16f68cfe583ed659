package dev.stockroom.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Sends {@link Call}s and turns every outcome into either a value or an {@link ApiException}: the
 * one place that knows what counts as success, how errors are parsed, and when an exchange is
 * reported to the listener.
 */
final class HttpTransport {
  private final HttpClient http;
  private final ObjectMapper json;
  private final Consumer<Exchange> listener;

  HttpTransport(HttpClient http, ObjectMapper json, Consumer<Exchange> listener) {
    this.http = http;
    this.json = json;
    this.listener = listener;
  }

  HttpClient http() {
    return http;
  }

  /** Blocks for the answer; throws {@link ApiException} for anything but a readable 2xx. */
  <T> T send(Call<T> call) {
    long start = System.nanoTime();
    HttpResponse<byte[]> response;
    try {
      response = http.send(call.request(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      report(call, 0, start, System.nanoTime());
      throw ApiException.fromFailure(call.requestLine(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      report(call, 0, start, System.nanoTime());
      throw ApiException.fromFailure(call.requestLine(), e);
    }
    report(call, response.statusCode(), start, System.nanoTime());
    return read(call, response);
  }

  /**
   * Never completes exceptionally for HTTP or transport failures: the future always holds a {@link
   * Timed} with either the value or the error, so a load generator counts instead of catching.
   */
  <T> CompletableFuture<Timed<T>> sendAsync(Call<T> call) {
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> sent;
    try {
      sent = http.sendAsync(call.request(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (RuntimeException e) {
      // A client whose executor refuses work fails here, before any future exists.
      long end = System.nanoTime();
      report(call, 0, start, end);
      return CompletableFuture.completedFuture(
          new Timed<>(null, 0, start, end, ApiException.fromFailure(call.requestLine(), e)));
    }
    return sent.handle(
        (response, failure) -> {
          long end = System.nanoTime();
          if (failure != null) {
            report(call, 0, start, end);
            return new Timed<>(
                null, 0, start, end, ApiException.fromFailure(call.requestLine(), failure));
          }
          int status = response.statusCode();
          report(call, status, start, end);
          try {
            return new Timed<>(read(call, response), status, start, end, null);
          } catch (ApiException e) {
            return new Timed<>(null, status, start, end, e);
          }
        });
  }

  private <T> T read(Call<T> call, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw ApiException.fromResponse(
          call.requestLine(), status, response.headers(), response.body(), json);
    }
    try {
      return call.reader().read(status, response.headers(), response.body());
    } catch (IOException | RuntimeException e) {
      throw ApiException.invalidResponse(call.requestLine(), status, response.body(), e);
    }
  }

  private void report(Call<?> call, int status, long start, long end) {
    listener.accept(
        new Exchange(
            call.request().method(), call.request().uri(), status, Duration.ofNanos(end - start)));
  }
}
