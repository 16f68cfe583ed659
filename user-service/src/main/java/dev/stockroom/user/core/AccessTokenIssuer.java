package dev.stockroom.user.core;

import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs access tokens: EdDSA (Ed25519) with the key ring's active key and its {@code kid} in the
 * header; claims {@code iss}, {@code aud} (one string), {@code sub}, {@code roles}, {@code iat},
 * {@code nbf}, {@code exp} and a unique {@code jti}.
 */
public final class AccessTokenIssuer {
  private final KeyRing keys;
  private final String issuer;
  private final String audience;
  private final Duration ttl;
  private final Clock clock;

  public AccessTokenIssuer(
      KeyRing keys, String issuer, String audience, Duration ttl, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.audience = Objects.requireNonNull(audience, "audience");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  // audience().single() is deprecated only to steer people towards arrays; the agreed contract
  // (and every verifier here) wants aud as one string.
  @SuppressWarnings("deprecation")
  public AccessToken issue(User user) {
    // JWT times are whole seconds; truncating keeps exp in the response equal to exp in the token.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expires = now.plus(ttl);
    SigningKey key = keys.current();
    String token =
        Jwts.builder()
            .header()
            .keyId(key.kid())
            .and()
            .issuer(issuer)
            .audience()
            .single(audience)
            .subject(user.id().toString())
            .claim("roles", List.copyOf(user.roles()))
            .issuedAt(Date.from(now))
            .notBefore(Date.from(now))
            .expiration(Date.from(expires))
            .id(UUID.randomUUID().toString())
            .signWith(key.privateKey().orElseThrow(), Jwts.SIG.EdDSA)
            .compact();
    return new AccessToken(token, now, expires);
  }

  public Duration ttl() {
    return ttl;
  }
}
