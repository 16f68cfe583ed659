package dev.stockroom.user.mail;

import java.util.Objects;

/**
 * A plain-text e-mail to one recipient.
 *
 * @param to the recipient address
 * @param subject the subject line
 * @param text the body
 */
public record MailMessage(String to, String subject, String text) {
  public MailMessage {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
  }
}
