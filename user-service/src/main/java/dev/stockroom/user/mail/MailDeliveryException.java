package dev.stockroom.user.mail;

/** A message could not be handed to the mail server (or written); worth retrying. */
public class MailDeliveryException extends RuntimeException {
  public MailDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
