package dev.stockroom.order.core;

import dev.stockroom.platform.errors.ProblemException;

/** 402: the payment gateway declined the charge; the order is unchanged and can be paid again. */
public class PaymentDeclinedException extends ProblemException {
  public static final String TYPE = "urn:stockroom:problem:payment-declined";

  public PaymentDeclinedException(String detail) {
    super(402, TYPE, "Payment declined", detail);
  }
}
