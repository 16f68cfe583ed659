package dev.stockroom.user.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.platform.ratelimit.RateLimitFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Log-in throttling (YAML key {@code loginThrottle}): {@code perAccount} limits guesses at one
 * account from anywhere, {@code perClient} limits one address trying many accounts. Checks of the
 * current password on a password change count against the account too.
 */
public class LoginThrottleFactory {
  @Valid @NotNull private RateLimitFactory perAccount = limit(10, Duration.minutes(5));

  @Valid @NotNull private RateLimitFactory perClient = limit(50, Duration.minutes(1));

  @JsonProperty
  public RateLimitFactory getPerAccount() {
    return perAccount;
  }

  @JsonProperty
  public void setPerAccount(RateLimitFactory perAccount) {
    this.perAccount = perAccount;
  }

  @JsonProperty
  public RateLimitFactory getPerClient() {
    return perClient;
  }

  @JsonProperty
  public void setPerClient(RateLimitFactory perClient) {
    this.perClient = perClient;
  }

  private static RateLimitFactory limit(long capacity, Duration period) {
    RateLimitFactory factory = new RateLimitFactory();
    factory.setCapacity(capacity);
    factory.setRefillPeriod(period);
    return factory;
  }
}
