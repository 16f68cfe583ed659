package dev.stockroom.order.core;

import java.util.UUID;

/**
 * The built-in test gateway: no money moves, and the outcome depends only on the card token.
 *
 * <ul>
 *   <li>{@code tok_visa}, {@code tok_mastercard}: approved
 *   <li>{@code tok_declined}: declined (card declined)
 *   <li>{@code tok_insufficient_funds}: declined (insufficient funds)
 *   <li>anything else: declined (unknown test card)
 * </ul>
 */
public final class SandboxPaymentGateway implements PaymentGateway {
  @Override
  public String name() {
    return "sandbox";
  }

  @Override
  public Charge charge(String cardToken, long amountMinor, String currency, String idempotencyKey) {
    return switch (cardToken) {
      case "tok_visa", "tok_mastercard" -> Charge.approved("sandbox_" + UUID.randomUUID());
      case "tok_declined" -> Charge.declined("The card was declined.");
      case "tok_insufficient_funds" -> Charge.declined("The card has insufficient funds.");
      default -> Charge.declined("Unknown test card token; use tok_visa or tok_declined.");
    };
  }
}
