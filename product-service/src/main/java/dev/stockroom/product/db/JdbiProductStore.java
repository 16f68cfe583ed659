package dev.stockroom.product.db;

import dev.stockroom.platform.db.SqlObjects;
import dev.stockroom.platform.outbox.Outbox;
import dev.stockroom.product.core.Product;
import dev.stockroom.product.core.ProductStore;
import dev.stockroom.product.core.SkuAlreadyUsedException;
import dev.stockroom.product.events.ProductEvents;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link ProductStore} on the primary database: each write is one transaction holding the row
 * change and its {@code products.v1} event.
 */
public final class JdbiProductStore implements ProductStore {
  private final Jdbi jdbi;
  private final Outbox outbox;

  public JdbiProductStore(Jdbi jdbi, Outbox outbox) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    SqlObjects.prepare(jdbi, ProductDao.class);
    this.outbox = Objects.requireNonNull(outbox, "outbox");
  }

  @Override
  public void create(Product product) {
    try {
      jdbi.useTransaction(
          handle -> {
            ProductDao dao = handle.attach(ProductDao.class);
            dao.insert(product);
            dao.insertEmptyStock(product.id(), product.createdAt());
            outbox.append(handle, ProductEvents.upserted(product));
          });
    } catch (UnableToExecuteStatementException e) {
      if (SqlStates.isUniqueViolation(e)) {
        throw new SkuAlreadyUsedException(product.sku());
      }
      throw e;
    }
  }

  @Override
  public Optional<Product> findById(UUID id) {
    return jdbi.withExtension(ProductDao.class, dao -> dao.findById(id));
  }

  @Override
  public Optional<Product> update(Product before, Product after, boolean discontinue) {
    try {
      return jdbi.inTransaction(
          handle -> {
            if (handle.attach(ProductDao.class).update(after, before.version()) != 1) {
              return Optional.<Product>empty();
            }
            // Appended after the row's update: its lock makes outbox order match commit order.
            outbox.append(
                handle,
                discontinue ? ProductEvents.discontinued(after) : ProductEvents.upserted(after));
            return Optional.of(after);
          });
    } catch (UnableToExecuteStatementException e) {
      if (SqlStates.isUniqueViolation(e)) {
        throw new SkuAlreadyUsedException(after.sku());
      }
      throw e;
    }
  }
}
