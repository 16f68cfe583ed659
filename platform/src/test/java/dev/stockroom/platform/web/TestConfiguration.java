package dev.stockroom.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.platform.auth.JwtAuthFactory;
import dev.stockroom.platform.ratelimit.RateLimitFactory;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Configuration of {@link TestApplication}: the platform factories as a service would nest them.
 */
public class TestConfiguration extends Configuration {
  @Valid @NotNull private ApiFactory api = new ApiFactory();

  @Valid @NotNull private JwtAuthFactory auth = new JwtAuthFactory();

  @Valid @NotNull private RateLimitFactory rateLimit = new RateLimitFactory();

  /** True to call {@link ApiFactory#build(io.dropwizard.core.setup.Environment)} alone. */
  private boolean keepDropwizardMappers;

  @JsonProperty
  public ApiFactory getApi() {
    return api;
  }

  @JsonProperty
  public void setApi(ApiFactory api) {
    this.api = api;
  }

  @JsonProperty
  public JwtAuthFactory getAuth() {
    return auth;
  }

  @JsonProperty
  public void setAuth(JwtAuthFactory auth) {
    this.auth = auth;
  }

  @JsonProperty
  public RateLimitFactory getRateLimit() {
    return rateLimit;
  }

  @JsonProperty
  public void setRateLimit(RateLimitFactory rateLimit) {
    this.rateLimit = rateLimit;
  }

  @JsonProperty
  public boolean isKeepDropwizardMappers() {
    return keepDropwizardMappers;
  }

  @JsonProperty
  public void setKeepDropwizardMappers(boolean keepDropwizardMappers) {
    this.keepDropwizardMappers = keepDropwizardMappers;
  }
}
