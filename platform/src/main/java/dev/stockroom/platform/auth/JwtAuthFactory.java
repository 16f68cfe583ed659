package dev.stockroom.platform.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.Authenticator;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Optional;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * JWT bearer authentication for a service, from YAML key {@code auth}:
 *
 * <pre>
 * auth:
 *   jwksUrl: http://127.0.0.1:8081/.well-known/jwks.json   # only for build(environment)
 *   issuer: stockroom-user-service
 *   audience: stockroom
 *   clockSkew: 30s                 # tolerance on exp and nbf
 *   rolesClaim: roles
 *   realm: stockroom               # in WWW-Authenticate
 *   jwksCacheTtl: 10m              # refetch the key set this often
 *   jwksMinRefreshInterval: 30s    # at most one fetch per interval, even for unknown kids
 *   jwksConnectTimeout: 2s
 *   jwksRequestTimeout: 5s
 *   verifiedTokenCacheSize: 10000  # tokens remembered after a good signature check; 0 = none
 *   verifiedTokenCacheTtl: 1m      # how long one is remembered (never past its exp)
 * </pre>
 *
 * Resources then use {@code @PermitAll} for public endpoints, {@code @RolesAllowed(Roles.ADMIN)} or
 * {@code @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})} for protected ones, and {@code @Auth
 * AuthenticatedUser user} to receive the caller. See {@link BearerAuthFilter} for the rules.
 */
public class JwtAuthFactory {
  private URI jwksUrl;

  @NotEmpty private String issuer;

  @NotEmpty private String audience;

  @NotNull private Duration clockSkew = Duration.seconds(30);

  @NotEmpty private String rolesClaim = "roles";

  @NotEmpty private String realm = "stockroom";

  @NotNull private Duration jwksCacheTtl = Duration.minutes(10);

  @NotNull private Duration jwksMinRefreshInterval = Duration.seconds(30);

  @NotNull private Duration jwksConnectTimeout = Duration.seconds(2);

  @NotNull private Duration jwksRequestTimeout = Duration.seconds(5);

  @Min(0)
  private long verifiedTokenCacheSize = 10_000;

  @NotNull private Duration verifiedTokenCacheTtl = Duration.minutes(1);

  /** Verifies with keys fetched from {@code jwksUrl}; for every service but the issuer. */
  public void build(Environment environment) {
    build(environment, jwksKeyResolver());
  }

  /** Verifies with the given keys; the issuer passes its own key store. */
  public void build(Environment environment, KeyResolver keys) {
    BearerAuthFilter filter =
        new BearerAuthFilter.Builder()
            .setAuthenticator(authenticator(keys))
            .setAuthorizer((user, role, request) -> user.hasRole(role))
            .setRealm(realm)
            .buildAuthFilter();
    environment.jersey().register(new JwtAuthDynamicFeature(filter));
    environment.jersey().register(RolesAllowedDynamicFeature.class);
    environment.jersey().register(new AuthValueFactoryProvider.Binder<>(AuthenticatedUser.class));
  }

  private Authenticator<String, AuthenticatedUser> authenticator(KeyResolver keys) {
    JwtVerifier verifier = verifier(keys);
    if (verifiedTokenCacheSize == 0) {
      return verifier::verify;
    }
    return new VerifiedTokenCache(
            verifier, verifiedTokenCacheSize, verifiedTokenCacheTtl.toJavaDuration())
        ::verify;
  }

  public JwtVerifier verifier(KeyResolver keys) {
    return new JwtVerifier(keys, issuer, audience, clockSkew.toJavaDuration(), rolesClaim);
  }

  public JwksKeyResolver jwksKeyResolver() {
    URI url =
        Optional.ofNullable(jwksUrl)
            .orElseThrow(() -> new IllegalStateException("auth.jwksUrl is not configured"));
    return JwksKeyResolver.create(
        url,
        jwksConnectTimeout.toJavaDuration(),
        jwksRequestTimeout.toJavaDuration(),
        jwksCacheTtl.toJavaDuration(),
        jwksMinRefreshInterval.toJavaDuration());
  }

  @JsonProperty
  public URI getJwksUrl() {
    return jwksUrl;
  }

  @JsonProperty
  public void setJwksUrl(URI jwksUrl) {
    this.jwksUrl = jwksUrl;
  }

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
  public Duration getClockSkew() {
    return clockSkew;
  }

  @JsonProperty
  public void setClockSkew(Duration clockSkew) {
    this.clockSkew = clockSkew;
  }

  @JsonProperty
  public String getRolesClaim() {
    return rolesClaim;
  }

  @JsonProperty
  public void setRolesClaim(String rolesClaim) {
    this.rolesClaim = rolesClaim;
  }

  @JsonProperty
  public String getRealm() {
    return realm;
  }

  @JsonProperty
  public void setRealm(String realm) {
    this.realm = realm;
  }

  @JsonProperty
  public Duration getJwksCacheTtl() {
    return jwksCacheTtl;
  }

  @JsonProperty
  public void setJwksCacheTtl(Duration jwksCacheTtl) {
    this.jwksCacheTtl = jwksCacheTtl;
  }

  @JsonProperty
  public Duration getJwksMinRefreshInterval() {
    return jwksMinRefreshInterval;
  }

  @JsonProperty
  public void setJwksMinRefreshInterval(Duration jwksMinRefreshInterval) {
    this.jwksMinRefreshInterval = jwksMinRefreshInterval;
  }

  @JsonProperty
  public Duration getJwksConnectTimeout() {
    return jwksConnectTimeout;
  }

  @JsonProperty
  public void setJwksConnectTimeout(Duration jwksConnectTimeout) {
    this.jwksConnectTimeout = jwksConnectTimeout;
  }

  @JsonProperty
  public Duration getJwksRequestTimeout() {
    return jwksRequestTimeout;
  }

  @JsonProperty
  public void setJwksRequestTimeout(Duration jwksRequestTimeout) {
    this.jwksRequestTimeout = jwksRequestTimeout;
  }

  @JsonProperty
  public long getVerifiedTokenCacheSize() {
    return verifiedTokenCacheSize;
  }

  @JsonProperty
  public void setVerifiedTokenCacheSize(long verifiedTokenCacheSize) {
    this.verifiedTokenCacheSize = verifiedTokenCacheSize;
  }

  @JsonProperty
  public Duration getVerifiedTokenCacheTtl() {
    return verifiedTokenCacheTtl;
  }

  @JsonProperty
  public void setVerifiedTokenCacheTtl(Duration verifiedTokenCacheTtl) {
    this.verifiedTokenCacheTtl = verifiedTokenCacheTtl;
  }
}
