package dev.stockroom.platform.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies access tokens: signature with EdDSA only (the algorithm is pinned, so {@code none}, HMAC
 * and RSA tokens are rejected before any key is looked up), the {@code kid} resolved through a
 * {@link KeyResolver}, {@code iss} and {@code aud} equal to the configured values, {@code exp}
 * required and {@code nbf} honoured with a small clock skew, {@code sub} a UUID and roles read from
 * the configured claim. Any failure is an empty result; the reason is logged at debug only, so a
 * client cannot use error messages to probe the verifier.
 */
public class JwtVerifier {
  /** The JWS algorithm accepted; anything else is rejected whatever key it names. */
  public static final String ALGORITHM = "EdDSA";

  /** Tokens longer than this are not parsed: ours are a few hundred bytes. */
  static final int MAX_TOKEN_LENGTH = 8 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(JwtVerifier.class);

  private final JwtParser parser;
  private final String rolesClaim;

  public JwtVerifier(
      KeyResolver keys,
      String issuer,
      String audience,
      Duration clockSkew,
      String rolesClaim,
      Clock clock) {
    Objects.requireNonNull(keys, "keys");
    this.rolesClaim = Objects.requireNonNull(rolesClaim, "rolesClaim");
    this.parser =
        Jwts.parser()
            .sig()
            .clear()
            .add(Jwts.SIG.EdDSA)
            .and()
            .keyLocator(new PinnedKeyLocator(keys))
            .requireIssuer(Objects.requireNonNull(issuer, "issuer"))
            .requireAudience(Objects.requireNonNull(audience, "audience"))
            .clockSkewSeconds(clockSkew.toSeconds())
            .clock(() -> Date.from(clock.instant()))
            .build();
  }

  public JwtVerifier(
      KeyResolver keys, String issuer, String audience, Duration clockSkew, String rolesClaim) {
    this(keys, issuer, audience, clockSkew, rolesClaim, Clock.systemUTC());
  }

  /** A valid token's user, and when the token stops being valid. */
  public record Verified(AuthenticatedUser user, Instant expiresAt) {}

  /** The user the token speaks for, or empty when the token is not valid for any reason. */
  public Optional<AuthenticatedUser> verify(String token) {
    return verifyToken(token).map(Verified::user);
  }

  /** As {@link #verify}, with the token's expiry, for callers that remember verified tokens. */
  public Optional<Verified> verifyToken(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    try {
      Claims claims = parser.parseSignedClaims(token).getPayload();
      if (claims.getExpiration() == null) {
        LOG.debug("Rejected token without exp");
        return Optional.empty();
      }
      if (claims.getSubject() == null) {
        LOG.debug("Rejected token without sub");
        return Optional.empty();
      }
      UUID subject = UUID.fromString(claims.getSubject());
      Optional<Set<String>> roles = roles(claims.get(rolesClaim));
      if (roles.isEmpty()) {
        LOG.debug("Rejected token with a malformed {} claim", rolesClaim);
        return Optional.empty();
      }
      return Optional.of(
          new Verified(
              new AuthenticatedUser(subject, roles.get()), claims.getExpiration().toInstant()));
    } catch (JwtException | IllegalArgumentException e) {
      LOG.debug("Rejected token: {}", e.toString());
      return Optional.empty();
    }
  }

  private static Optional<Set<String>> roles(Object claim) {
    if (claim == null) {
      return Optional.of(Set.of());
    }
    if (!(claim instanceof Collection<?> values)) {
      return Optional.empty();
    }
    Set<String> roles = new HashSet<>();
    for (Object value : values) {
      if (!(value instanceof String role)) {
        return Optional.empty();
      }
      roles.add(role);
    }
    return Optional.of(roles);
  }

  /** Resolves the key only for EdDSA headers with a {@code kid}; everything else is refused. */
  private static final class PinnedKeyLocator extends LocatorAdapter<Key> {
    private final KeyResolver keys;

    PinnedKeyLocator(KeyResolver keys) {
      this.keys = keys;
    }

    @Override
    protected Key locate(JwsHeader header) {
      if (!ALGORITHM.equals(header.getAlgorithm())) {
        throw new JwtException("algorithm not allowed");
      }
      String kid = header.getKeyId();
      if (kid == null || kid.isEmpty()) {
        throw new JwtException("no kid");
      }
      return keys.find(kid).orElseThrow(() -> new JwtException("unknown kid"));
    }
  }
}
