package dev.stockroom.user.core;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where refresh tokens (their hashes) live. */
public interface RefreshTokenStore {
  void insert(RefreshToken token);

  Optional<RefreshToken> findByHash(String tokenHash);

  /**
   * In one transaction: marks {@code tokenId} rotated if it is still neither rotated nor revoked,
   * and inserts {@code successor}.
   *
   * @return false when another request rotated or revoked it first (nothing is written)
   */
  boolean rotate(UUID tokenId, Instant at, RefreshToken successor);

  /** Revokes every not yet revoked token of the family; returns how many. */
  int revokeFamily(UUID familyId, Instant at);
}
