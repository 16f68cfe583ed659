package dev.stockroom.client;

import java.time.Duration;

/**
 * The outcome of one asynchronous call, timed. Exactly one of {@code value} and {@code error} is
 * set. {@code status} is the HTTP status, or 0 when no response arrived (then {@code error.kind()}
 * says why: {@code timeout}, {@code connect}, {@code io}). The nanos come from {@link
 * System#nanoTime()}: {@code startNanos} just before the request was handed to the HTTP client,
 * {@code endNanos} when the whole response (or the failure) was in.
 */
public record Timed<T>(T value, int status, long startNanos, long endNanos, ApiException error) {
  public boolean ok() {
    return error == null;
  }

  public long latencyNanos() {
    return endNanos - startNanos;
  }

  public Duration latency() {
    return Duration.ofNanos(latencyNanos());
  }

  /** {@code http_503}, {@code timeout}, {@code connect}, ... for a failure; null on success. */
  public String errorKind() {
    return error == null ? null : error.kind();
  }

  /** The value, or the error thrown: for callers that want the synchronous style after all. */
  public T valueOrThrow() {
    if (error != null) {
      throw error;
    }
    return value;
  }
}
