package dev.stockroom.events;

import java.util.UUID;

/**
 * A product was discontinued: it stays in the catalog (and in history) but can no longer be sold.
 * Published on {@link Topics#PRODUCTS}, key = productId; {@code version} is the product's version
 * after the change, so it orders against {@link ProductUpserted#version()}.
 */
public record ProductDiscontinued(UUID productId, long version) {
  public static final String TYPE = "ProductDiscontinued";
}
