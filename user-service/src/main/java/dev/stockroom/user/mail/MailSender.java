package dev.stockroom.user.mail;

/** Delivers e-mail: over SMTP in production, into {@code .eml} files locally. */
public interface MailSender {
  /**
   * Sends or stores one message; returning normally means it was handed over.
   *
   * @throws MailDeliveryException when it was not, so the caller can retry
   */
  void send(MailMessage message);
}
