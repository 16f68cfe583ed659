package dev.stockroom.order.resources;

import dev.stockroom.order.core.Order;
import dev.stockroom.platform.web.IfMatch;
import dev.stockroom.platform.web.IfMatch.Suffix;
import dev.stockroom.platform.web.IfMatch.Wildcard;
import jakarta.ws.rs.core.EntityTag;
import java.util.OptionalLong;

/** Entity tags of orders: the row version as a strong tag, e.g. {@code "3"}. */
final class ETags {
  private static final IfMatch IF_MATCH = new IfMatch(Wildcard.ANY_VERSION, Suffix.NONE);

  private ETags() {}

  static EntityTag of(Order order) {
    return new EntityTag(Long.toString(order.version()));
  }

  /** Reads {@code If-Match}: tags are the version alone, {@code *} is any version. */
  static OptionalLong expectedVersion(String ifMatch) {
    return IF_MATCH.expectedVersion(ifMatch);
  }
}
