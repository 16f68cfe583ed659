package dev.stockroom.user.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.devkit.MutableClock;
import dev.stockroom.platform.errors.TooManyRequestsException;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthServiceTest {
  private static final String PASSWORD = "correct horse battery";

  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final InMemoryUserStore users = new InMemoryUserStore();
  private final InMemoryRefreshTokenStore tokens = new InMemoryRefreshTokenStore();
  private final CountingHasher hasher = new CountingHasher();
  private final KeyRing keys = KeyRing.of(SigningKey.of(TestKeys.generate()));
  private final List<String> throttled = new ArrayList<>();
  private final AuthService auth =
      new AuthService(
          users,
          tokens,
          hasher,
          new AccessTokenIssuer(keys, "iss", "aud", Duration.ofMinutes(15), clock),
          throttled::add,
          throttled::add,
          Duration.ofDays(30),
          clock);
  private final User alice =
      new UserService(users, hasher, Throttle.NONE, clock)
          .register("Alice@Example.com", PASSWORD, "Alice");

  @Test
  void logsInWithAnyCaseOfTheEmailAndIssuesAccessAndRefreshTokens() {
    IssuedTokens issued = auth.login("  ALICE@example.COM ", PASSWORD, "10.0.0.1");

    Claims claims = verify(issued.accessToken().value());
    assertThat(claims.getSubject()).isEqualTo(alice.id().toString());
    assertThat(claims.get("roles")).isEqualTo(List.of("customer"));
    assertThat(issued.accessToken().expiresAt())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    assertThat(issued.refreshToken()).hasSize(43);
    assertThat(tokens.tokens.values())
        .singleElement()
        .satisfies(
            t -> assertThat(t.tokenHash()).isEqualTo(SecretTokens.hash(issued.refreshToken())));
  }

  @Test
  void answersUnknownEmailAndWrongPasswordTheSameAfterTheSameWork() {
    int before = hasher.verifications.get();

    Throwable unknown = catchLogin("nobody@example.com", PASSWORD);
    Throwable wrong = catchLogin("alice@example.com", "wrong password!!");

    assertThat(unknown).isInstanceOf(InvalidCredentialsException.class);
    assertThat(wrong).isInstanceOf(InvalidCredentialsException.class);
    assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage());
    // Both paths ran exactly one Argon2 verification, so they take about the same time.
    assertThat(hasher.verifications.get() - before).isEqualTo(2);
  }

  @Test
  void countsEveryAttemptAgainstTheClientAndTheAccount() {
    catchLogin("Alice@Example.com", "wrong password!!");

    assertThat(throttled).containsExactly("client:10.0.0.9", "account:alice@example.com");
  }

  @Test
  void refusesBeforeCheckingThePasswordWhenThrottled() {
    AuthService strict =
        new AuthService(
            users,
            tokens,
            hasher,
            new AccessTokenIssuer(keys, "iss", "aud", Duration.ofMinutes(15), clock),
            key -> {
              throw new TooManyRequestsException("slow down", Duration.ofSeconds(30));
            },
            Throttle.NONE,
            Duration.ofDays(30),
            clock);
    int before = hasher.verifications.get();

    assertThatThrownBy(() -> strict.login("alice@example.com", PASSWORD, "10.0.0.1"))
        .isInstanceOf(TooManyRequestsException.class);
    assertThat(hasher.verifications.get()).isEqualTo(before);
  }

  @Test
  void refreshRotatesTheTokenWithinTheSameFamily() {
    IssuedTokens first = auth.login("alice@example.com", PASSWORD, "10.0.0.1");
    clock.advance(Duration.ofMinutes(20));

    IssuedTokens second = auth.refresh(first.refreshToken());

    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(verify(second.accessToken().value()).getSubject()).isEqualTo(alice.id().toString());
    RefreshToken old = tokens.findByHash(SecretTokens.hash(first.refreshToken())).orElseThrow();
    RefreshToken next = tokens.findByHash(SecretTokens.hash(second.refreshToken())).orElseThrow();
    assertThat(old.rotatedAt()).isEqualTo(clock.instant());
    assertThat(next.familyId()).isEqualTo(old.familyId());
    assertThat(next.stateAt(clock.instant())).isEqualTo(RefreshToken.State.ACTIVE);
  }

  @Test
  void reusingARotatedTokenRevokesTheWholeFamily() {
    IssuedTokens first = auth.login("alice@example.com", PASSWORD, "10.0.0.1");
    IssuedTokens second = auth.refresh(first.refreshToken());

    assertThatThrownBy(() -> auth.refresh(first.refreshToken()))
        .isInstanceOf(InvalidRefreshTokenException.class);

    // The legitimate holder of the newest token is logged out too: we cannot tell who is who.
    assertThatThrownBy(() -> auth.refresh(second.refreshToken()))
        .isInstanceOf(InvalidRefreshTokenException.class);
    UUID family = tokens.tokens.values().iterator().next().familyId();
    assertThat(tokens.family(family)).allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
  }

  @Test
  void losingARotationRaceCountsAsReuse() {
    IssuedTokens first = auth.login("alice@example.com", PASSWORD, "10.0.0.1");
    tokens.loseNextRotation = true;

    assertThatThrownBy(() -> auth.refresh(first.refreshToken()))
        .isInstanceOf(InvalidRefreshTokenException.class);
    assertThat(tokens.tokens.values()).allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
  }

  @Test
  void otherFamiliesSurviveAReuse() {
    IssuedTokens phone = auth.login("alice@example.com", PASSWORD, "10.0.0.1");
    IssuedTokens laptop = auth.login("alice@example.com", PASSWORD, "10.0.0.2");
    auth.refresh(phone.refreshToken());

    assertThatThrownBy(() -> auth.refresh(phone.refreshToken()))
        .isInstanceOf(InvalidRefreshTokenException.class);
    assertThat(auth.refresh(laptop.refreshToken()).refreshToken()).isNotBlank();
  }

  @Test
  void rejectsExpiredUnknownAndEmptyRefreshTokens() {
    IssuedTokens issued = auth.login("alice@example.com", PASSWORD, "10.0.0.1");
    clock.advance(Duration.ofDays(30));

    assertThatThrownBy(() -> auth.refresh(issued.refreshToken()))
        .isInstanceOf(InvalidRefreshTokenException.class);
    assertThatThrownBy(() -> auth.refresh(SecretTokens.newSecret()))
        .isInstanceOf(InvalidRefreshTokenException.class);
    assertThatThrownBy(() -> auth.refresh("")).isInstanceOf(InvalidRefreshTokenException.class);
    assertThatThrownBy(() -> auth.refresh(null)).isInstanceOf(InvalidRefreshTokenException.class);
  }

  @Test
  void logoutRevokesTheFamilyAndIgnoresUnknownTokens() {
    IssuedTokens first = auth.login("alice@example.com", PASSWORD, "10.0.0.1");
    IssuedTokens second = auth.refresh(first.refreshToken());

    auth.logout(second.refreshToken());
    auth.logout(second.refreshToken());
    auth.logout("not-a-token");

    assertThatThrownBy(() -> auth.refresh(second.refreshToken()))
        .isInstanceOf(InvalidRefreshTokenException.class);
    assertThat(tokens.tokens.values()).allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
  }

  private Throwable catchLogin(String email, String password) {
    try {
      auth.login(email, password, "10.0.0.9");
      throw new AssertionError("login should have failed");
    } catch (InvalidCredentialsException e) {
      return e;
    }
  }

  private Claims verify(String token) {
    return Jwts.parser()
        .verifyWith(keys.current().publicKey())
        .requireIssuer("iss")
        .requireAudience("aud")
        .clock(() -> java.util.Date.from(clock.instant()))
        .build()
        .parseSignedClaims(token)
        .getPayload();
  }
}
