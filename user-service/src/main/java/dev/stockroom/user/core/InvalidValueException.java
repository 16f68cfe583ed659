package dev.stockroom.user.core;

/** A single input value broke a domain rule; the message is safe to show to the client. */
public class InvalidValueException extends IllegalArgumentException {
  public InvalidValueException(String message) {
    super(message);
  }
}
