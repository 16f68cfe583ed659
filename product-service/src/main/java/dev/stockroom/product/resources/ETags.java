package dev.stockroom.product.resources;

import dev.stockroom.platform.web.IfMatch;
import dev.stockroom.platform.web.IfMatch.Suffix;
import dev.stockroom.platform.web.IfMatch.Wildcard;
import dev.stockroom.product.core.Availability;
import dev.stockroom.product.core.Product;
import dev.stockroom.product.core.ProductView;
import dev.stockroom.product.core.StockLevel;
import dev.stockroom.product.core.StockStatus;
import jakarta.ws.rs.core.EntityTag;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Entity tags. A tag starts with the row version ({@code "3"}); a representation that also shows
 * the stream processor's numbers appends them ({@code "3-38"}), so a changed availability is a new
 * representation for {@code If-None-Match}. {@code If-Match} compares only the version: the
 * appended part is not something a write can conflict with.
 */
final class ETags {
  private static final IfMatch IF_MATCH = new IfMatch(Wildcard.REFUSED, Suffix.IGNORED);

  private ETags() {}

  static EntityTag of(Product product) {
    return tag(product.version(), Optional.empty());
  }

  static EntityTag of(ProductView view) {
    return tag(
        view.product().version(), view.availability().map(a -> Long.toString(a.available())));
  }

  static EntityTag of(StockLevel level) {
    return tag(level.version(), Optional.empty());
  }

  static EntityTag of(StockStatus status) {
    return tag(status.level().version(), status.availability().map(ETags::reservedAndAvailable));
  }

  /**
   * Reads {@code If-Match}: only the version before the suffix counts, and {@code *} is refused
   * (428), since it would defeat the lost-update check.
   */
  static OptionalLong expectedVersion(String ifMatch) {
    return IF_MATCH.expectedVersion(ifMatch);
  }

  private static String reservedAndAvailable(Availability availability) {
    return availability.reserved() + "-" + availability.available();
  }

  private static EntityTag tag(long version, Optional<String> suffix) {
    return new EntityTag(version + suffix.map(s -> "-" + s).orElse(""));
  }
}
