package dev.stockroom.platform.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Remembers tokens that verified, so a client sending the same access token with every request pays
 * for one Ed25519 signature check per {@code ttl} instead of one per request (the check was 43% of
 * order-service's CPU under load). The whole token is the key, so a token that differs in any byte
 * is verified afresh; failures are never remembered. An entry is served only before the token's
 * {@code exp}, and for at most {@code ttl}: a token signed with a key the issuer has since
 * withdrawn stays accepted that long at most.
 */
public final class VerifiedTokenCache {
  private final JwtVerifier verifier;
  private final Clock clock;
  private final Cache<String, JwtVerifier.Verified> verified;

  public VerifiedTokenCache(JwtVerifier verifier, long maximumSize, Duration ttl, Clock clock) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .expireAfterWrite(ttl)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .build();
  }

  public VerifiedTokenCache(JwtVerifier verifier, long maximumSize, Duration ttl) {
    this(verifier, maximumSize, ttl, Clock.systemUTC());
  }

  /**
   * The user the token speaks for, or empty when it is not valid: as {@link JwtVerifier#verify}.
   */
  public Optional<AuthenticatedUser> verify(String token) {
    if (token == null) {
      return Optional.empty();
    }
    JwtVerifier.Verified known = verified.getIfPresent(token);
    if (known != null) {
      if (clock.instant().isBefore(known.expiresAt())) {
        return Optional.of(known.user());
      }
      verified.invalidate(token);
    }
    Optional<JwtVerifier.Verified> fresh = verifier.verifyToken(token);
    fresh.ifPresent(v -> verified.put(token, v));
    return fresh.map(JwtVerifier.Verified::user);
  }
}
