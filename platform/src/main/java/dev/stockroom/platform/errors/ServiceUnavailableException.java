package dev.stockroom.platform.errors;

import java.time.Duration;

/**
 * 503 {@code urn:stockroom:problem:busy}: the service is up but is turning work away to keep up
 * with what it already accepted; {@code Retry-After} says when to try again. Nothing was changed.
 */
public class ServiceUnavailableException extends ProblemException {
  /** The title of every {@link ProblemTypes#BUSY} problem, however it is written. */
  public static final String TITLE = "Busy";

  public ServiceUnavailableException(String detail, Duration retryAfter) {
    super(503, ProblemTypes.BUSY, TITLE, detail);
    withHeader(
        "Retry-After", Long.toString(TooManyRequestsException.retryAfterSeconds(retryAfter)));
  }
}
