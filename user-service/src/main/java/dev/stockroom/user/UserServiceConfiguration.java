package dev.stockroom.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.platform.db.DatabaseFactory;
import dev.stockroom.platform.kafka.KafkaFactory;
import dev.stockroom.platform.outbox.OutboxFactory;
import dev.stockroom.platform.web.ApiFactory;
import dev.stockroom.user.auth.LoginThrottleFactory;
import dev.stockroom.user.auth.PasswordHashingFactory;
import dev.stockroom.user.auth.TokensFactory;
import dev.stockroom.user.mail.WelcomeMailFactory;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * user-service's YAML: Dropwizard's {@code server}/{@code logging}/{@code metrics} plus one small
 * factory per concern.
 */
public class UserServiceConfiguration extends Configuration {
  @Valid @NotNull private DatabaseFactory database = new DatabaseFactory();

  @Valid @NotNull private KafkaFactory kafka = new KafkaFactory();

  @Valid @NotNull private OutboxFactory outbox = new OutboxFactory();

  @Valid @NotNull private ApiFactory api = new ApiFactory();

  @Valid @NotNull private TokensFactory tokens = new TokensFactory();

  @Valid @NotNull private PasswordHashingFactory passwords = new PasswordHashingFactory();

  @Valid @NotNull private LoginThrottleFactory loginThrottle = new LoginThrottleFactory();

  @Valid @NotNull private WelcomeMailFactory welcomeMail = new WelcomeMailFactory();

  @JsonProperty
  public DatabaseFactory getDatabase() {
    return database;
  }

  @JsonProperty
  public void setDatabase(DatabaseFactory database) {
    this.database = database;
  }

  @JsonProperty
  public KafkaFactory getKafka() {
    return kafka;
  }

  @JsonProperty
  public void setKafka(KafkaFactory kafka) {
    this.kafka = kafka;
  }

  @JsonProperty
  public OutboxFactory getOutbox() {
    return outbox;
  }

  @JsonProperty
  public void setOutbox(OutboxFactory outbox) {
    this.outbox = outbox;
  }

  @JsonProperty
  public ApiFactory getApi() {
    return api;
  }

  @JsonProperty
  public void setApi(ApiFactory api) {
    this.api = api;
  }

  @JsonProperty
  public TokensFactory getTokens() {
    return tokens;
  }

  @JsonProperty
  public void setTokens(TokensFactory tokens) {
    this.tokens = tokens;
  }

  @JsonProperty
  public PasswordHashingFactory getPasswords() {
    return passwords;
  }

  @JsonProperty
  public void setPasswords(PasswordHashingFactory passwords) {
    this.passwords = passwords;
  }

  @JsonProperty
  public LoginThrottleFactory getLoginThrottle() {
    return loginThrottle;
  }

  @JsonProperty
  public void setLoginThrottle(LoginThrottleFactory loginThrottle) {
    this.loginThrottle = loginThrottle;
  }

  @JsonProperty
  public WelcomeMailFactory getWelcomeMail() {
    return welcomeMail;
  }

  @JsonProperty
  public void setWelcomeMail(WelcomeMailFactory welcomeMail) {
    this.welcomeMail = welcomeMail;
  }
}
