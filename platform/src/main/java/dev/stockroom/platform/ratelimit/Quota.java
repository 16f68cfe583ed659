package dev.stockroom.platform.ratelimit;

import dev.stockroom.platform.errors.TooManyRequestsException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of taking one token from a key's bucket, with what the client is told about it.
 *
 * @param allowed whether the request may proceed
 * @param limit the bucket's capacity
 * @param remaining tokens left after this request
 * @param reset time until the bucket is full again
 * @param retryAfter time until the next token is available (zero when allowed)
 */
public record Quota(
    boolean allowed, long limit, long remaining, Duration reset, Duration retryAfter) {

  /**
   * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds, as
   * in the IETF RateLimit header fields draft), plus {@code Retry-After} when refused.
   */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("RateLimit-Limit", Long.toString(limit));
    headers.put("RateLimit-Remaining", Long.toString(remaining));
    headers.put("RateLimit-Reset", Long.toString(ceilSeconds(reset)));
    if (!allowed) {
      headers.put(
          "Retry-After", Long.toString(TooManyRequestsException.retryAfterSeconds(retryAfter)));
    }
    return headers;
  }

  private static long ceilSeconds(Duration duration) {
    return duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
  }
}
