package dev.stockroom.loadgen;

import dev.stockroom.client.Session;
import java.util.List;
import java.util.UUID;

/**
 * What setup made for one run: its id (in every SKU, e-mail and idempotency key, so runs never
 * collide), the products and the on-hand level each was given, and the logged-in accounts (index 0
 * the admin, then the customers).
 */
record Fixture(String runId, List<UUID> products, long stocked, Sessions accounts) {
  Fixture {
    products = List.copyOf(products);
  }

  Session admin() {
    return accounts.get(0);
  }

  int customers() {
    return accounts.size() - 1;
  }

  /** Customer {@code i}, from 0. */
  Session customer(int i) {
    return accounts.get(i + 1);
  }
}
