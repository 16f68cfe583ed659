package dev.stockroom.user.db;

import dev.stockroom.platform.db.SqlObjects;
import dev.stockroom.user.core.RefreshToken;
import dev.stockroom.user.core.RefreshTokenStore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link RefreshTokenStore} on the service's database. */
public final class JdbiRefreshTokenStore implements RefreshTokenStore {
  private final RefreshTokenDao dao;

  public JdbiRefreshTokenStore(Jdbi jdbi) {
    SqlObjects.prepare(jdbi, RefreshTokenDao.class);
    this.dao = jdbi.onDemand(RefreshTokenDao.class);
  }

  @Override
  public void insert(RefreshToken token) {
    dao.insert(token);
  }

  @Override
  public Optional<RefreshToken> findByHash(String tokenHash) {
    return dao.findByHash(tokenHash);
  }

  @Override
  public boolean rotate(UUID tokenId, Instant at, RefreshToken successor) {
    return dao.rotate(tokenId, at, successor);
  }

  @Override
  public int revokeFamily(UUID familyId, Instant at) {
    return dao.revokeFamily(familyId, at);
  }
}
