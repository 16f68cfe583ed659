package dev.stockroom.product.core;

import dev.stockroom.platform.errors.BadRequestException;
import dev.stockroom.platform.errors.FieldError;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What a catalog list is restricted to.
 *
 * @param nameContains lower-cased text the name must contain (case-insensitive search), if any
 * @param active only active (true) or only discontinued (false) products, if given
 * @param ids only these products (at most {@value #MAX_IDS}); empty means no restriction
 */
public record ProductFilter(
    Optional<String> nameContains, Optional<Boolean> active, List<UUID> ids) {
  public static final int MAX_IDS = 100;
  public static final int MAX_QUERY_LENGTH = 100;

  public ProductFilter {
    ids = List.copyOf(ids);
  }

  /**
   * Checks query parameters as clients send them.
   *
   * @throws BadRequestException for a too-long {@code q} or too many {@code ids}
   */
  public static ProductFilter of(String q, Optional<Boolean> active, List<UUID> ids) {
    Optional<String> text = Optional.ofNullable(q).map(String::strip).filter(s -> !s.isEmpty());
    if (text.isPresent() && text.get().length() > MAX_QUERY_LENGTH) {
      throw new BadRequestException(
          "q is too long.",
          List.of(new FieldError("q", "must be at most " + MAX_QUERY_LENGTH + " characters")));
    }
    if (ids.size() > MAX_IDS) {
      throw new BadRequestException(
          "Too many ids.", List.of(new FieldError("ids", "must be at most " + MAX_IDS + " ids")));
    }
    return new ProductFilter(
        text.map(s -> s.toLowerCase(Locale.ROOT)),
        active,
        List.copyOf(ids.stream().distinct().toList()));
  }

  public static ProductFilter none() {
    return new ProductFilter(Optional.empty(), Optional.empty(), List.of());
  }
}
