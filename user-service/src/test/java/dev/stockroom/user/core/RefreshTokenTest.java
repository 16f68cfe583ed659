package dev.stockroom.user.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final RefreshToken fresh =
      RefreshToken.issue(UUID.randomUUID(), UUID.randomUUID(), "hash", T0, T0.plusSeconds(60));

  @Test
  void isActiveUntilItExpires() {
    assertThat(fresh.stateAt(T0)).isEqualTo(RefreshToken.State.ACTIVE);
    assertThat(fresh.stateAt(T0.plusSeconds(59))).isEqualTo(RefreshToken.State.ACTIVE);
    assertThat(fresh.stateAt(T0.plusSeconds(60))).isEqualTo(RefreshToken.State.EXPIRED);
  }

  @Test
  void aRotatedTokenPresentedAgainIsReuseEvenAfterExpiry() {
    RefreshToken rotated = with(T0.plusSeconds(1), null);

    assertThat(rotated.stateAt(T0.plusSeconds(2))).isEqualTo(RefreshToken.State.REUSED);
    assertThat(rotated.stateAt(T0.plus(Duration.ofDays(1)))).isEqualTo(RefreshToken.State.REUSED);
  }

  @Test
  void revocationWinsOverEverythingElse() {
    assertThat(with(T0.plusSeconds(1), T0.plusSeconds(2)).stateAt(T0.plusSeconds(3)))
        .isEqualTo(RefreshToken.State.REVOKED);
    assertThat(with(null, T0.plusSeconds(2)).stateAt(T0.plusSeconds(3)))
        .isEqualTo(RefreshToken.State.REVOKED);
  }

  @Test
  void secretsAreLongRandomAndStoredOnlyAsTheirHash() {
    String a = SecretTokens.newSecret();
    String b = SecretTokens.newSecret();

    assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
    assertThat(SecretTokens.hash(a)).isEqualTo(SecretTokens.hash(a)).isNotEqualTo(a);
    assertThat(SecretTokens.hash(a)).isNotEqualTo(SecretTokens.hash(b)).hasSize(43);
  }

  private RefreshToken with(Instant rotatedAt, Instant revokedAt) {
    return new RefreshToken(
        fresh.id(),
        fresh.userId(),
        fresh.familyId(),
        fresh.tokenHash(),
        fresh.issuedAt(),
        fresh.expiresAt(),
        rotatedAt,
        revokedAt);
  }
}
