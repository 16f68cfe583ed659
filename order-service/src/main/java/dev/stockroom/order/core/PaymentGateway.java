package dev.stockroom.order.core;

/** Charges a card for an order. Implementations must not charge twice for one idempotency key. */
public interface PaymentGateway {
  /** The outcome of a charge: approved with the gateway's reference, or declined with why. */
  record Charge(boolean approved, String reference, String declineReason) {
    public static Charge approved(String reference) {
      return new Charge(true, reference, null);
    }

    public static Charge declined(String reason) {
      return new Charge(false, null, reason);
    }
  }

  /** The gateway's name, recorded with each payment. */
  String name();

  /**
   * Charges {@code amountMinor} of {@code currency} to the card behind {@code cardToken}.
   *
   * @param idempotencyKey the client's key, passed on so a retried charge is not doubled
   */
  Charge charge(String cardToken, long amountMinor, String currency, String idempotencyKey);
}
