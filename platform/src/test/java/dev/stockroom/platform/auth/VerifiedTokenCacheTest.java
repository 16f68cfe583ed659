package dev.stockroom.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.devkit.MutableClock;
import dev.stockroom.devkit.TestTokens;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {
  private final TestTokens tokens = TestTokens.create();
  private final AtomicInteger keyLookups = new AtomicInteger();
  private final KeyResolver keys =
      kid -> {
        keyLookups.incrementAndGet();
        return kid.equals(tokens.kid()) ? Optional.of(tokens.publicKey()) : Optional.empty();
      };
  private final MutableClock clock = new MutableClock();
  private final JwtVerifier verifier =
      new JwtVerifier(
          keys,
          TestTokens.DEFAULT_ISSUER,
          TestTokens.DEFAULT_AUDIENCE,
          Duration.ofSeconds(30),
          "roles",
          clock);
  private final UUID subject = UUID.randomUUID();

  private VerifiedTokenCache cache(Duration ttl) {
    return new VerifiedTokenCache(verifier, 100, ttl, clock);
  }

  @Test
  void aRepeatedTokenIsCheckedOnce() {
    VerifiedTokenCache cache = cache(Duration.ofMinutes(1));
    String token = tokens.token(subject, Roles.CUSTOMER);

    for (int i = 0; i < 5; i++) {
      assertThat(cache.verify(token))
          .contains(new AuthenticatedUser(subject, Set.of(Roles.CUSTOMER)));
    }

    assertThat(keyLookups.get()).isEqualTo(1);
  }

  @Test
  void aTokenThatDiffersInAnyByteIsCheckedAfresh() {
    VerifiedTokenCache cache = cache(Duration.ofMinutes(1));
    cache.verify(tokens.token(subject));

    assertThat(cache.verify(tokens.tamperedPayload(subject))).isEmpty();
    assertThat(cache.verify(tokens.unknownKid(subject))).isEmpty();
  }

  @Test
  void failuresAreNotRemembered() {
    VerifiedTokenCache cache = cache(Duration.ofMinutes(1));
    String unknownKid = tokens.unknownKid(subject);

    assertThat(cache.verify(unknownKid)).isEmpty();
    assertThat(cache.verify(unknownKid)).isEmpty();

    assertThat(keyLookups.get()).isEqualTo(2);
  }

  @Test
  void aTokenIsCheckedAgainOnceItsEntryIsOlderThanTheTtl() {
    VerifiedTokenCache cache = cache(Duration.ofMinutes(1));
    String token = tokens.token(subject);
    cache.verify(token);

    clock.advance(Duration.ofSeconds(61));

    assertThat(cache.verify(token)).isPresent();
    assertThat(keyLookups.get()).isEqualTo(2);
  }

  @Test
  void aRememberedTokenIsRefusedOnceItExpires() {
    VerifiedTokenCache cache = cache(Duration.ofHours(1));
    String token = tokens.token(subject);
    assertThat(cache.verify(token)).isPresent();

    clock.advance(TestTokens.DEFAULT_LIFETIME.plusMinutes(1));

    assertThat(cache.verify(token)).isEmpty();
  }

  @Test
  void aMissingTokenIsRefused() {
    assertThat(cache(Duration.ofMinutes(1)).verify(null)).isEmpty();
  }
}
