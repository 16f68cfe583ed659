package dev.stockroom.user.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Objects;
import java.util.Properties;

/** Sends through an SMTP server with Eclipse Angus Mail. */
public final class SmtpMailSender implements MailSender {
  private final Session session;
  private final InternetAddress from;
  private final String username;
  private final String password;

  /**
   * @param properties the {@code mail.smtp.*} session properties (host, port, TLS, timeouts)
   * @param username the SMTP user, or null for no authentication
   */
  public SmtpMailSender(
      Properties properties, InternetAddress from, String username, String password) {
    this.session = Session.getInstance(Objects.requireNonNull(properties, "properties"));
    this.from = Objects.requireNonNull(from, "from");
    this.username = username;
    this.password = password;
  }

  @Override
  public void send(MailMessage message) {
    try {
      MimeMessage mime = MimeMessages.build(session, from, message);
      if (username == null) {
        Transport.send(mime);
      } else {
        Transport.send(mime, username, password);
      }
    } catch (MessagingException e) {
      throw new MailDeliveryException("SMTP delivery failed: " + e.getMessage(), e);
    }
  }
}
