package dev.stockroom.user.mail;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.events.Topics;
import dev.stockroom.platform.consumer.KafkaConsumerLoop;
import dev.stockroom.platform.kafka.KafkaFactory;
import dev.stockroom.user.events.WelcomeMailHandler;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The welcome-e-mail worker (YAML key {@code welcomeMail}): a consumer of {@code users.v1} in its
 * own group that sends one e-mail per registration through {@code mail}.
 */
public class WelcomeMailFactory {
  private boolean enabled = true;

  @NotEmpty private String groupId = "user-service-welcome-mail";

  @NotNull private Duration unhealthyAfter = Duration.minutes(5);

  @NotNull private Duration maxBackoff = Duration.seconds(30);

  @Valid @NotNull private MailFactory mail = new MailFactory();

  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  @JsonProperty
  public String getGroupId() {
    return groupId;
  }

  @JsonProperty
  public void setGroupId(String groupId) {
    this.groupId = groupId;
  }

  @JsonProperty
  public Duration getUnhealthyAfter() {
    return unhealthyAfter;
  }

  @JsonProperty
  public void setUnhealthyAfter(Duration unhealthyAfter) {
    this.unhealthyAfter = unhealthyAfter;
  }

  @JsonProperty
  public Duration getMaxBackoff() {
    return maxBackoff;
  }

  @JsonProperty
  public void setMaxBackoff(Duration maxBackoff) {
    this.maxBackoff = maxBackoff;
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
    if (!enabled) {
      return null;
    }
    WelcomeMailHandler handler =
        new WelcomeMailHandler(groupId, jdbi, mail.build(), Clock.systemUTC());
    KafkaConsumerLoop loop =
        KafkaConsumerLoop.builder(kafka, groupId, handler)
            .topics(Topics.USERS)
            .backoff(java.time.Duration.ofMillis(200), maxBackoff.toJavaDuration())
            .metrics(environment.metrics())
            .build();
    loop.register(environment, unhealthyAfter.toJavaDuration());
    return loop;
  }
}
