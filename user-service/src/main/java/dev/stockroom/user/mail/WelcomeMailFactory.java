package dev.stockroom.user.mail;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.events.Topics;
import dev.stockroom.platform.consumer.KafkaConsumerLoop;
import dev.stockroom.platform.consumer.OptionalConsumerFactory;
import dev.stockroom.platform.kafka.KafkaFactory;
import dev.stockroom.user.events.WelcomeMailHandler;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The welcome-e-mail worker (YAML key {@code welcomeMail}): a consumer of {@code users.v1} in its
 * own group that sends one e-mail per registration through {@code mail}.
 */
public class WelcomeMailFactory extends OptionalConsumerFactory {
  @Valid @NotNull private MailFactory mail = new MailFactory();

  public WelcomeMailFactory() {
    super("user-service-welcome-mail", Duration.minutes(5));
  }

  @JsonProperty
  public MailFactory getMail() {
    return mail;
  }

  @JsonProperty
  public void setMail(MailFactory mail) {
    this.mail = mail;
  }

  /**
   * Registers the worker (a managed consumer loop and its health check) unless disabled.
   *
   * @return the loop, or null when disabled
   */
  public KafkaConsumerLoop build(Environment environment, Jdbi jdbi, KafkaFactory kafka) {
    if (!isEnabled()) {
      return null;
    }
    return build(
        environment,
        kafka,
        Topics.USERS,
        new WelcomeMailHandler(getGroupId(), jdbi, mail.build(), Clock.systemUTC()));
  }
}
