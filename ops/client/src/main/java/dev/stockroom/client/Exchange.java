package dev.stockroom.client;

import java.net.URI;
import java.time.Duration;

/**
 * One finished HTTP exchange, reported to the listener given to {@link StockroomClient}: what was
 * asked and how it was answered. {@code status} is 0 when no response arrived (timeout, refused
 * connection).
 */
public record Exchange(String method, URI uri, int status, Duration elapsed) {
  /** {@code POST /api/v1/orders}: the request line without scheme and host. */
  public String requestLine() {
    return requestLine(method, uri);
  }

  static String requestLine(String method, URI uri) {
    String query = uri.getRawQuery();
    return method + " " + uri.getRawPath() + (query == null ? "" : "?" + query);
  }
}
