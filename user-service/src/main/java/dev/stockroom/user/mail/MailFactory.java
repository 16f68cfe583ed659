package dev.stockroom.user.mail;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How mail leaves the service (YAML key {@code welcomeMail.mail}): {@code delivery: smtp} with
 * {@code host}, {@code port}, {@code username}/{@code password}, {@code startTls} or {@code ssl};
 * or {@code delivery: file}, which writes {@code .eml} files into {@code directory}.
 */
public class MailFactory {
  /** The two ways to deliver. */
  public enum Delivery {
    SMTP,
    FILE
  }

  @NotNull private Delivery delivery = Delivery.FILE;

  @NotEmpty private String from = "Stockroom <no-reply@stockroom.local>";

  private String directory = "var/mail";

  private String host;

  @Min(1)
  @Max(65535)
  private int port = 587;

  private String username;

  private String password;

  private boolean startTls = true;

  private boolean ssl = false;

  @NotNull private Duration timeout = Duration.seconds(10);

  @JsonProperty
  public Delivery getDelivery() {
    return delivery;
  }

  @JsonProperty
  public void setDelivery(Delivery delivery) {
    this.delivery = delivery;
  }

  @JsonProperty
  public String getFrom() {
    return from;
  }

  @JsonProperty
  public void setFrom(String from) {
    this.from = from;
  }

  @JsonProperty
  public String getDirectory() {
    return directory;
  }

  @JsonProperty
  public void setDirectory(String directory) {
    this.directory = directory;
  }

  @JsonProperty
  public String getHost() {
    return host;
  }

  @JsonProperty
  public void setHost(String host) {
    this.host = host;
  }

  @JsonProperty
  public int getPort() {
    return port;
  }

  @JsonProperty
  public void setPort(int port) {
    this.port = port;
  }

  @JsonProperty
  public String getUsername() {
    return username;
  }

  /** Blank means no authentication, so {@code ${SMTP_USERNAME:-}} works when unset. */
  @JsonProperty
  public void setUsername(String username) {
    this.username = username == null || username.isBlank() ? null : username;
  }

  @JsonProperty
  public String getPassword() {
    return password;
  }

  @JsonProperty
  public void setPassword(String password) {
    this.password = password;
  }

  @JsonProperty
  public boolean isStartTls() {
    return startTls;
  }

  @JsonProperty
  public void setStartTls(boolean startTls) {
    this.startTls = startTls;
  }

  @JsonProperty
  public boolean isSsl() {
    return ssl;
  }

  @JsonProperty
  public void setSsl(boolean ssl) {
    this.ssl = ssl;
  }

  @JsonProperty
  public Duration getTimeout() {
    return timeout;
  }

  @JsonProperty
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  @ValidationMethod(message = "smtp delivery needs host; file delivery needs directory")
  public boolean isDestinationSet() {
    return delivery == Delivery.SMTP
        ? host != null && !host.isBlank()
        : directory != null && !directory.isBlank();
  }

  @ValidationMethod(message = "from must be a valid address")
  public boolean isFromValid() {
    try {
      new InternetAddress(from, true);
      return true;
    } catch (AddressException | NullPointerException e) {
      return false;
    }
  }

  public MailSender build() {
    InternetAddress sender;
    try {
      sender = new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("welcomeMail.mail.from: " + e.getMessage(), e);
    }
    if (delivery == Delivery.FILE) {
      return new FileMailSender(Path.of(directory), sender);
    }
    String millis = Long.toString(timeout.toMilliseconds());
    Properties properties = MimeMessages.sessionProperties(sender);
    properties.setProperty("mail.smtp.host", host);
    properties.setProperty("mail.smtp.port", Integer.toString(port));
    properties.setProperty("mail.smtp.auth", Boolean.toString(username != null));
    properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(startTls));
    // With STARTTLS configured, refuse to fall back to plain text if the server does not offer it.
    properties.setProperty("mail.smtp.starttls.required", Boolean.toString(startTls));
    properties.setProperty("mail.smtp.ssl.enable", Boolean.toString(ssl));
    properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    properties.setProperty("mail.smtp.connectiontimeout", millis);
    properties.setProperty("mail.smtp.timeout", millis);
    properties.setProperty("mail.smtp.writetimeout", millis);
    return new SmtpMailSender(properties, sender, username, password);
  }
}
