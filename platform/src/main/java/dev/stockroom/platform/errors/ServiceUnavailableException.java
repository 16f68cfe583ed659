package dev.stockroom.platform.errors;

import java.time.Duration;

/**
 * 503 {@code urn:stockroom:problem:busy}: the service is up but is turning work away to keep up
 * with what it already accepted; {@code Retry-After} says when to try again. Nothing was changed.
 */
public class ServiceUnavailableException extends ProblemException {
  public ServiceUnavailableException(String detail, Duration retryAfter) {
    super(503, ProblemTypes.BUSY, "Busy", detail);
    withHeader(
        "Retry-After", Long.toString(TooManyRequestsException.retryAfterSeconds(retryAfter)));
  }
}
