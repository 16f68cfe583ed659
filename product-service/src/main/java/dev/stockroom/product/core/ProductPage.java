package dev.stockroom.product.core;

import java.util.List;
import java.util.Optional;

/**
 * One page of the catalog, ordered by SKU.
 *
 * @param items the products on this page
 * @param nextAfterSku where the next page starts (exclusive), empty on the last page
 */
public record ProductPage(List<ProductView> items, Optional<String> nextAfterSku) {
  public ProductPage {
    items = List.copyOf(items);
  }
}
