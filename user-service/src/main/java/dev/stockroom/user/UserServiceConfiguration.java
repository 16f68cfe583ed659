package dev.stockroom.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.platform.outbox.OutboxServiceConfiguration;
import dev.stockroom.user.auth.LoginThrottleFactory;
import dev.stockroom.user.auth.PasswordHashingFactory;
import dev.stockroom.user.auth.TokensFactory;
import dev.stockroom.user.mail.WelcomeMailFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * user-service's YAML: the common sections of {@link OutboxServiceConfiguration} plus one small
 * factory per concern of its own.
 */
public class UserServiceConfiguration extends OutboxServiceConfiguration {
  @Valid @NotNull private TokensFactory tokens = new TokensFactory();

  @Valid @NotNull private PasswordHashingFactory passwords = new PasswordHashingFactory();

  @Valid @NotNull private LoginThrottleFactory loginThrottle = new LoginThrottleFactory();

  @Valid @NotNull private WelcomeMailFactory welcomeMail = new WelcomeMailFactory();

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
