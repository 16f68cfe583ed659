package dev.stockroom.client;

import java.util.List;

/**
 * Request bodies and response envelopes that callers never see: the public records are what a
 * caller works with, these are only what travels.
 */
final class Wire {
  private Wire() {}

  record CreateUserRequest(String email, String password, String displayName) {}

  record TokenRequest(String email, String password) {}

  record TokenResponse(String accessToken, String refreshToken) {}

  record CreateProductRequest(String sku, String name, long priceMinor, String currency) {}

  record SetStockRequest(long onHand) {}

  record CreateOrderRequest(List<Line> lines) {}

  record PaymentRequest(String cardToken) {}

  /** The stream processor's batch answer: {@code {"items": [...]}} without a cursor. */
  record Items<T>(List<T> items) {
    Items {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }
}
