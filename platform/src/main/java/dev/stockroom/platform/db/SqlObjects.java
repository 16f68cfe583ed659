package dev.stockroom.platform.db;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;

/**
 * Builds SqlObject metadata once, on the {@link Jdbi} itself. JDBI builds a DAO's metadata (a
 * handler per method, found by reflection) on first attach and caches it in the configuration of
 * the handle that attached it; a new handle copies the {@code Jdbi}'s cache, never a handle's, so
 * without this every transaction built every DAO again: a sixth of order-service's CPU per order in
 * a JFR profile. Stores call it from their constructors with the DAOs they attach.
 */
public final class SqlObjects {
  private SqlObjects() {}

  /**
   * @throws IllegalStateException if the SqlObject plugin is not installed
   * @throws IllegalArgumentException if a type is not a valid SqlObject
   */
  public static void prepare(Jdbi jdbi, Class<?>... sqlObjectTypes) {
    Extensions extensions = jdbi.getConfig(Extensions.class);
    ExtensionFactory sqlObjects =
        extensions
            .findFactory(SqlObjectFactory.class)
            .orElseThrow(() -> new IllegalStateException("the SqlObject plugin is not installed"));
    for (Class<?> type : sqlObjectTypes) {
      if (!sqlObjects.accepts(type)) {
        throw new IllegalArgumentException(type.getName() + " is not a SqlObject");
      }
      extensions.findMetadata(type, sqlObjects);
    }
  }
}
