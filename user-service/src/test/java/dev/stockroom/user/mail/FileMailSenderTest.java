package dev.stockroom.user.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.events.UserRegistered;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMailSenderTest {
  @TempDir Path dir;

  @Test
  void writesTheWelcomeMailAsAnEmlFileAMailClientCanOpen() throws Exception {
    FileMailSender sender =
        new FileMailSender(
            dir.resolve("mail"), new InternetAddress("Stockroom <no-reply@stockroom.local>"));

    sender.send(WelcomeMail.to(new UserRegistered(UUID.randomUUID(), "Zoe@example.com", "Zoë")));

    List<Path> files = emlFiles();
    assertThat(files).hasSize(1);
    try (InputStream in = Files.newInputStream(files.get(0))) {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
      assertThat(message.getSubject()).isEqualTo("Welcome to Stockroom");
      assertThat(message.getAllRecipients())
          .extracting(Object::toString)
          .containsExactly("Zoe@example.com");
      assertThat(message.getFrom())
          .extracting(Object::toString)
          .containsExactly("Stockroom <no-reply@stockroom.local>");
      assertThat(message.getMessageID()).endsWith("@stockroom.local>");
      assertThat((String) message.getContent()).contains("Hello Zoë,");
    }
  }

  @Test
  void writesASecondFileForASecondSend() throws Exception {
    FileMailSender sender = new FileMailSender(dir, new InternetAddress("a@stockroom.local"));
    MailMessage message = new MailMessage("b@example.com", "s", "t");

    sender.send(message);
    sender.send(message);

    assertThat(emlFiles()).hasSize(2);
  }

  @Test
  void refusesARecipientThatWouldAddHeadersOrRecipients() throws Exception {
    FileMailSender sender = new FileMailSender(dir, new InternetAddress("a@stockroom.local"));

    assertThatThrownBy(() -> sender.send(new MailMessage("a@example.com, b@example.com", "s", "t")))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(
            () -> sender.send(new MailMessage("a@example.com\r\nBcc: c@example.com", "s", "t")))
        .isInstanceOf(RuntimeException.class);
    assertThat(emlFiles()).isEmpty();
  }

  @Test
  void smtpDeliveryNeedsAHostAndFileDeliveryADirectory() {
    MailFactory factory = new MailFactory();
    factory.setDelivery(MailFactory.Delivery.SMTP);
    assertThat(factory.isDestinationSet()).isFalse();
    factory.setHost("smtp.example.com");
    assertThat(factory.isDestinationSet()).isTrue();
    assertThat(factory.build()).isInstanceOf(SmtpMailSender.class);

    factory.setFrom("not an address <<");
    assertThat(factory.isFromValid()).isFalse();
  }

  private List<Path> emlFiles() throws Exception {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".eml")).toList();
    }
  }
}
