package dev.stockroom.order.resources;

import dev.stockroom.order.core.Order;
import dev.stockroom.platform.errors.PreconditionFailedException;
import jakarta.ws.rs.core.EntityTag;
import java.util.OptionalLong;

/** Entity tags of orders: the row version as a strong tag, e.g. {@code "3"}. */
final class ETags {
  private ETags() {}

  static EntityTag of(Order order) {
    return new EntityTag(Long.toString(order.version()));
  }

  /**
   * The version an {@code If-Match} header asks for: empty when absent or {@code *}.
   *
   * @throws PreconditionFailedException when it names no version this server could have issued
   */
  static OptionalLong expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return OptionalLong.empty();
    }
    String tag = ifMatch.strip();
    // If-Match uses strong comparison (RFC 9110 13.1.1): a weak tag never matches.
    if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
      throw new PreconditionFailedException(
          "If-Match must be one strong entity tag such as \"3\".");
    }
    try {
      return OptionalLong.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
    } catch (NumberFormatException e) {
      throw new PreconditionFailedException("The order changed since it was read.");
    }
  }
}
