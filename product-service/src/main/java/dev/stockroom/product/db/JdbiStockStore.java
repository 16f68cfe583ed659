package dev.stockroom.product.db;

import dev.stockroom.platform.db.SqlObjects;
import dev.stockroom.platform.outbox.Outbox;
import dev.stockroom.product.core.InsufficientStockException;
import dev.stockroom.product.core.ProductNotFoundException;
import dev.stockroom.product.core.StockChange;
import dev.stockroom.product.core.StockLevel;
import dev.stockroom.product.core.StockStore;
import dev.stockroom.product.events.ProductEvents;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link StockStore} on the primary database. Each change is one transaction: the guarded update of
 * {@code stock_levels}, its history row and {@code StockLevelSet} in the outbox. The update takes
 * the row lock first, so the outbox rows of one product are in the order their changes commit.
 */
public final class JdbiStockStore implements StockStore {
  private final Jdbi jdbi;
  private final Outbox outbox;

  public JdbiStockStore(Jdbi jdbi, Outbox outbox) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    SqlObjects.prepare(jdbi, StockDao.class);
    this.outbox = Objects.requireNonNull(outbox, "outbox");
  }

  @Override
  public Optional<StockLevel> set(long onHand, long expectedVersion, StockChange change) {
    return jdbi.inTransaction(
        handle -> {
          StockDao dao = handle.attach(StockDao.class);
          StockLevel before =
              dao.find(change.productId()).orElseThrow(ProductNotFoundException::new);
          // The version check in the UPDATE is what decides; a level read at another version
          // than expected can only lead to 0 rows here.
          if (before.version() != expectedVersion
              || dao.set(change.productId(), onHand, expectedVersion, change.at()) != 1) {
            return Optional.<StockLevel>empty();
          }
          return Optional.of(recorded(handle, dao, change, onHand - before.onHand()));
        });
  }

  @Override
  public StockLevel adjust(StockChange change) {
    return jdbi.inTransaction(
        handle -> {
          StockDao dao = handle.attach(StockDao.class);
          if (dao.adjust(change.productId(), change.delta(), change.at()) != 1) {
            StockLevel current =
                dao.find(change.productId()).orElseThrow(ProductNotFoundException::new);
            throw new InsufficientStockException(current, change.delta());
          }
          return recorded(handle, dao, change, change.delta());
        });
  }

  /** Reads the level this transaction just wrote (its row lock is held) and records it. */
  private StockLevel recorded(Handle handle, StockDao dao, StockChange change, long delta) {
    StockLevel after = dao.find(change.productId()).orElseThrow(ProductNotFoundException::new);
    dao.recordChange(
        UUID.randomUUID(),
        after.productId(),
        after.version(),
        delta,
        after.onHand(),
        change.reason(),
        change.actor(),
        change.at());
    outbox.append(handle, ProductEvents.stockLevelSet(after));
    return after;
  }
}
