package dev.stockroom.client;

import java.util.UUID;

/** A catalog product. Money is integer minor units of {@code currency} (1299 EUR = 12.99 EUR). */
public record Product(
    UUID id,
    String sku,
    String name,
    long priceMinor,
    String currency,
    boolean active,
    long version) {}
