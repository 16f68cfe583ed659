package dev.stockroom.user.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes each message as an {@code .eml} file (RFC 5322, openable in any mail client) instead of
 * sending it. Files appear atomically, so a reader never sees half a message.
 */
public final class FileMailSender implements MailSender {
  private final Path directory;
  private final InternetAddress from;
  private final Session session;

  public FileMailSender(Path directory, InternetAddress from) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.from = Objects.requireNonNull(from, "from");
    this.session = Session.getInstance(MimeMessages.sessionProperties(from));
  }

  @Override
  public void send(MailMessage message) {
    try {
      Files.createDirectories(directory);
      // Unique per call (not per event): a duplicate delivery would show up as a second file.
      String name = System.currentTimeMillis() + "-" + UUID.randomUUID() + ".eml";
      Path temp = Files.createTempFile(directory, ".mail", ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(temp)) {
          MimeMessages.build(session, from, message).writeTo(out);
        }
        Files.move(temp, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException | MessagingException e) {
      throw new MailDeliveryException(
          "Cannot write mail to " + directory + ": " + e.getMessage(), e);
    }
  }
}
