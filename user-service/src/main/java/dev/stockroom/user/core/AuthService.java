package dev.stockroom.user.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log-in, refresh-token rotation and log-out.
 *
 * <p>Refresh tokens rotate on every use. Presenting a token that was already rotated means two
 * parties hold it (the user and a thief), so the whole family (every token descending from that
 * log-in) is revoked and both must log in again.
 */
public final class AuthService {
  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);

  // Bounds the throttle's key size whatever a client sends as "email".
  private static final int MAX_THROTTLE_KEY = EmailAddress.MAX_LENGTH + 1;

  private final UserStore users;
  private final RefreshTokenStore refreshTokens;
  private final PasswordHasher hasher;
  private final AccessTokenIssuer issuer;
  private final Throttle accountThrottle;
  private final Throttle clientThrottle;
  private final Duration refreshTokenTtl;
  private final Clock clock;
  private final String dummyHash;

  public AuthService(
      UserStore users,
      RefreshTokenStore refreshTokens,
      PasswordHasher hasher,
      AccessTokenIssuer issuer,
      Throttle accountThrottle,
      Throttle clientThrottle,
      Duration refreshTokenTtl,
      Clock clock) {
    this.users = Objects.requireNonNull(users, "users");
    this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.accountThrottle = Objects.requireNonNull(accountThrottle, "accountThrottle");
    this.clientThrottle = Objects.requireNonNull(clientThrottle, "clientThrottle");
    this.refreshTokenTtl = Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
    this.clock = Objects.requireNonNull(clock, "clock");
    // Checked against when the e-mail is unknown, so that answer costs one Argon2 run too.
    this.dummyHash = hasher.hash(SecretTokens.newSecret());
  }

  /**
   * Exchanges e-mail and password for tokens. Counts one attempt against the client address and one
   * against the account before doing any work.
   *
   * @throws InvalidCredentialsException for an unknown e-mail or a wrong password alike
   * @throws dev.stockroom.platform.errors.TooManyRequestsException when throttled
   */
  public IssuedTokens login(String email, String password, String clientAddress) {
    clientThrottle.acquire("client:" + clientAddress);
    String normalized = EmailAddress.normalize(email);
    if (normalized.length() > MAX_THROTTLE_KEY) {
      normalized = normalized.substring(0, MAX_THROTTLE_KEY);
    }
    accountThrottle.acquire("account:" + normalized);

    Optional<User> user = users.findByEmail(normalized);
    String hash = user.map(User::passwordHash).orElse(dummyHash);
    boolean matches = hasher.matches(password == null ? "" : password, hash);
    if (user.isEmpty() || !matches) {
      throw new InvalidCredentialsException();
    }
    return issue(user.get(), UUID.randomUUID());
  }

  /**
   * Exchanges a refresh token for a new access token and a new refresh token.
   *
   * @throws InvalidRefreshTokenException when the token is unknown, expired, revoked or reused
   */
  public IssuedTokens refresh(String presented) {
    RefreshToken token = find(presented).orElseThrow(InvalidRefreshTokenException::new);
    Instant now = now();
    switch (token.stateAt(now)) {
      case ACTIVE -> {
        // fall through to rotation below
      }
      case REUSED -> {
        revokeFamilyAfterReuse(token, now);
        throw new InvalidRefreshTokenException();
      }
      case EXPIRED, REVOKED -> throw new InvalidRefreshTokenException();
    }
    User user = users.findById(token.userId()).orElseThrow(InvalidRefreshTokenException::new);
    String secret = SecretTokens.newSecret();
    RefreshToken successor =
        RefreshToken.issue(
            user.id(), token.familyId(), SecretTokens.hash(secret), now, now.plus(refreshTokenTtl));
    if (!refreshTokens.rotate(token.id(), now, successor)) {
      // Someone rotated it between our read and our write: the same reuse, just concurrent.
      revokeFamilyAfterReuse(token, now);
      throw new InvalidRefreshTokenException();
    }
    return new IssuedTokens(issuer.issue(user), secret, successor.expiresAt());
  }

  /**
   * Revokes the refresh token's family. Unknown or already revoked tokens are ignored, so log-out
   * is idempotent and reveals nothing.
   */
  public void logout(String presented) {
    find(presented).ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), now()));
  }

  private Optional<RefreshToken> find(String presented) {
    if (presented == null || presented.isEmpty() || presented.length() > 512) {
      return Optional.empty();
    }
    return refreshTokens.findByHash(SecretTokens.hash(presented));
  }

  private void revokeFamilyAfterReuse(RefreshToken token, Instant now) {
    int revoked = refreshTokens.revokeFamily(token.familyId(), now);
    LOG.warn(
        "Rotated refresh token reused; revoked family {} of user {} ({} tokens)",
        token.familyId(),
        token.userId(),
        revoked);
  }

  private IssuedTokens issue(User user, UUID familyId) {
    Instant now = now();
    String secret = SecretTokens.newSecret();
    RefreshToken token =
        RefreshToken.issue(
            user.id(), familyId, SecretTokens.hash(secret), now, now.plus(refreshTokenTtl));
    refreshTokens.insert(token);
    return new IssuedTokens(issuer.issue(user), secret, token.expiresAt());
  }

  private Instant now() {
    // Databases keep microseconds; truncating here makes stored and in-memory values equal.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
