package dev.stockroom.product.core;

/** A single input value broke a catalog rule; the message is safe to show to the client. */
public class InvalidValueException extends IllegalArgumentException {
  public InvalidValueException(String message) {
    super(message);
  }
}
