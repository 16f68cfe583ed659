package dev.stockroom.orderstream.views;

import dev.stockroom.platform.errors.ProblemException;
import java.time.Duration;

/**
 * 503 with {@code Retry-After}: the view cannot answer right now (rebalance, restore, startup, the
 * owning instance unreachable). Never a guess in its place.
 */
public class ViewUnavailableException extends ProblemException {
  public static final String TYPE = "urn:stockroom:problem:view-unavailable";

  public ViewUnavailableException(String detail, Duration retryAfter) {
    super(503, TYPE, "View unavailable", detail);
    withHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
  }
}
