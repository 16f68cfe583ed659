package dev.stockroom.product.resources;

import dev.stockroom.platform.errors.PreconditionFailedException;
import dev.stockroom.platform.errors.PreconditionRequiredException;
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
   * The version an {@code If-Match} header asks for: empty when absent.
   *
   * @throws PreconditionRequiredException for {@code *}, which would defeat the lost-update check
   * @throws PreconditionFailedException when it names no version this server could have issued
   */
  static OptionalLong expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return OptionalLong.empty();
    }
    String tag = ifMatch.strip();
    if (tag.equals("*")) {
      throw new PreconditionRequiredException("If-Match must carry the ETag you last read, not *.");
    }
    // If-Match uses strong comparison (RFC 9110 13.1.1): a weak tag never matches.
    if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
      throw new PreconditionFailedException(
          "If-Match must be one strong entity tag such as \"3\".");
    }
    String opaque = tag.substring(1, tag.length() - 1);
    int dash = opaque.indexOf('-');
    String version = dash < 0 ? opaque : opaque.substring(0, dash);
    try {
      long parsed = Long.parseLong(version);
      if (parsed < 0 || version.startsWith("+")) {
        throw new NumberFormatException(version);
      }
      return OptionalLong.of(parsed);
    } catch (NumberFormatException e) {
      throw new PreconditionFailedException("The ETag does not match the current version.");
    }
  }

  private static String reservedAndAvailable(Availability availability) {
    return availability.reserved() + "-" + availability.available();
  }

  private static EntityTag tag(long version, Optional<String> suffix) {
    return new EntityTag(version + suffix.map(s -> "-" + s).orElse(""));
  }
}
