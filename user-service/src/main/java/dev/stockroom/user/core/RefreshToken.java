package dev.stockroom.user.core;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored refresh token. Only the SHA-256 of the secret is kept, so a database leak gives no
 * usable tokens. Tokens issued from one log-in form a family; each refresh rotates the token (the
 * old one is marked rotated, a successor in the same family is issued).
 *
 * @param id row id
 * @param userId the account
 * @param familyId the log-in session the token belongs to
 * @param tokenHash base64url SHA-256 of the secret
 * @param issuedAt when it was issued
 * @param expiresAt when it stops working
 * @param rotatedAt when it was exchanged for a successor, or null
 * @param revokedAt when it (its family) was revoked, or null
 */
public record RefreshToken(
    UUID id,
    UUID userId,
    UUID familyId,
    String tokenHash,
    Instant issuedAt,
    Instant expiresAt,
    Instant rotatedAt,
    Instant revokedAt) {

  /** What presenting this token at a given time means. */
  public enum State {
    /** Usable. */
    ACTIVE,
    /** Past its expiry. */
    EXPIRED,
    /** Revoked (log-out, password change, or reuse detected). */
    REVOKED,
    /** Already exchanged: presenting it again means it was copied, so the family is revoked. */
    REUSED
  }

  public RefreshToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(familyId, "familyId");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** A fresh, active token. */
  public static RefreshToken issue(
      UUID userId, UUID familyId, String tokenHash, Instant now, Instant expiresAt) {
    return new RefreshToken(
        UUID.randomUUID(), userId, familyId, tokenHash, now, expiresAt, null, null);
  }

  /**
   * Revocation wins over reuse (a revoked family stays revoked, nothing more to do), reuse wins
   * over expiry (an expired token that was rotated still signals theft).
   */
  public State stateAt(Instant now) {
    if (revokedAt != null) {
      return State.REVOKED;
    }
    if (rotatedAt != null) {
      return State.REUSED;
    }
    if (!now.isBefore(expiresAt)) {
      return State.EXPIRED;
    }
    return State.ACTIVE;
  }
}
