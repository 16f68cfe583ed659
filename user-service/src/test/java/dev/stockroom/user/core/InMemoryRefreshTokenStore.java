package dev.stockroom.user.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link RefreshTokenStore} in a map. */
final class InMemoryRefreshTokenStore implements RefreshTokenStore {
  final Map<UUID, RefreshToken> tokens = new ConcurrentHashMap<>();

  /** When set, the next rotation loses as if another request had rotated the token first. */
  boolean loseNextRotation;

  @Override
  public void insert(RefreshToken token) {
    tokens.put(token.id(), token);
  }

  @Override
  public Optional<RefreshToken> findByHash(String tokenHash) {
    return tokens.values().stream().filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
  }

  @Override
  public synchronized boolean rotate(UUID tokenId, Instant at, RefreshToken successor) {
    RefreshToken token = tokens.get(tokenId);
    if (loseNextRotation) {
      loseNextRotation = false;
      tokens.put(tokenId, with(token, at, token.revokedAt()));
      return false;
    }
    if (token.rotatedAt() != null || token.revokedAt() != null) {
      return false;
    }
    tokens.put(tokenId, with(token, at, null));
    tokens.put(successor.id(), successor);
    return true;
  }

  @Override
  public synchronized int revokeFamily(UUID familyId, Instant at) {
    int count = 0;
    for (RefreshToken token : List.copyOf(tokens.values())) {
      if (token.familyId().equals(familyId) && token.revokedAt() == null) {
        tokens.put(token.id(), with(token, token.rotatedAt(), at));
        count++;
      }
    }
    return count;
  }

  List<RefreshToken> family(UUID familyId) {
    return tokens.values().stream().filter(t -> t.familyId().equals(familyId)).toList();
  }

  private static RefreshToken with(RefreshToken t, Instant rotatedAt, Instant revokedAt) {
    return new RefreshToken(
        t.id(),
        t.userId(),
        t.familyId(),
        t.tokenHash(),
        t.issuedAt(),
        t.expiresAt(),
        rotatedAt,
        revokedAt);
  }
}
