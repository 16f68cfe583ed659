package dev.stockroom.events;

/** A record value that is not a valid event envelope for the expected contract. */
public class InvalidEventException extends RuntimeException {
  public InvalidEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
