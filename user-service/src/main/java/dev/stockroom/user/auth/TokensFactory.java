package dev.stockroom.user.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.user.core.AccessTokenIssuer;
import dev.stockroom.user.core.KeyRing;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * What the service puts in the tokens it issues (YAML key {@code tokens}): {@code issuer}, {@code
 * audience}, {@code accessTokenTtl} (15 minutes), {@code refreshTokenTtl} (30 days) and the signing
 * {@code keys}. The same issuer and audience are what the service checks on its own endpoints.
 */
public class TokensFactory {
  @NotEmpty private String issuer = "stockroom-user-service";

  @NotEmpty private String audience = "stockroom";

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  @MaxDuration(value = 1, unit = TimeUnit.DAYS)
  private Duration accessTokenTtl = Duration.minutes(15);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration refreshTokenTtl = Duration.days(30);

  @Valid @NotNull private SigningKeysFactory keys = new SigningKeysFactory();

  @JsonProperty
  public String getIssuer() {
    return issuer;
  }

  @JsonProperty
  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }

  @JsonProperty
  public String getAudience() {
    return audience;
  }

  @JsonProperty
  public void setAudience(String audience) {
    this.audience = audience;
  }

  @JsonProperty
  public Duration getAccessTokenTtl() {
    return accessTokenTtl;
  }

  @JsonProperty
  public void setAccessTokenTtl(Duration accessTokenTtl) {
    this.accessTokenTtl = accessTokenTtl;
  }

  @JsonProperty
  public Duration getRefreshTokenTtl() {
    return refreshTokenTtl;
  }

  @JsonProperty
  public void setRefreshTokenTtl(Duration refreshTokenTtl) {
    this.refreshTokenTtl = refreshTokenTtl;
  }

  @JsonProperty
  public SigningKeysFactory getKeys() {
    return keys;
  }

  @JsonProperty
  public void setKeys(SigningKeysFactory keys) {
    this.keys = keys;
  }

  public AccessTokenIssuer buildIssuer(KeyRing ring, Clock clock) {
    return new AccessTokenIssuer(ring, issuer, audience, accessTokenTtl.toJavaDuration(), clock);
  }
}
