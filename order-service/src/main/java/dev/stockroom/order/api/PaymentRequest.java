package dev.stockroom.order.api;

/**
 * Body of {@code POST /api/v1/orders/{id}/payments}: a card token from the gateway's client side
 * (never a card number). The sandbox gateway's test tokens are listed in the README.
 */
public record PaymentRequest(String cardToken) {}
