package dev.stockroom.user.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Builds the MIME form shared by both senders, so a local {@code .eml} is what SMTP would send. */
final class MimeMessages {
  private MimeMessages() {}

  /**
   * Session properties naming the sender's domain as this host, so {@code Message-ID}s read {@code
   * <...@stockroom.example>} instead of the machine's name.
   */
  static Properties sessionProperties(InternetAddress from) {
    Properties properties = new Properties();
    String address = from.getAddress();
    properties.setProperty("mail.host", address.substring(address.indexOf('@') + 1));
    return properties;
  }

  static MimeMessage build(Session session, InternetAddress from, MailMessage message)
      throws MessagingException {
    MimeMessage mime = new MimeMessage(session);
    mime.setFrom(from);
    // strict parsing: the address came from an event, and a comma must not add recipients
    mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
    mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
    mime.setText(message.text(), StandardCharsets.UTF_8.name());
    mime.setSentDate(new Date());
    mime.saveChanges();
    return mime;
  }
}
