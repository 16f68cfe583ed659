package dev.stockroom.orderstream.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** Real RocksDB databases configured the way Kafka Streams configures each store. */
class BoundedRocksDbMemoryTest {
  private static final long MIB = 1024 * 1024;
  private static final int STORES = 4;
  private static final int VALUE_BYTES = 1024;
  private static final int RECORDS = 4_000;

  @TempDir Path dir;

  @Test
  void everyStoreUsesOneCacheThatAlsoCarriesTheMemtables() throws RocksDBException {
    Map<String, Object> configs = limits(24 * MIB, 8 * MIB);

    List<Long> capacities = new ArrayList<>();
    List<Long> usages = new ArrayList<>();
    writeIntoLastStoreOnly(
        configs,
        dbs -> {
          for (RocksDB db : dbs) {
            capacities.add(db.getLongProperty("rocksdb.block-cache-capacity"));
            usages.add(db.getLongProperty("rocksdb.block-cache-usage"));
          }
        });

    // One cache of the configured size for all four stores, not one each (RocksDB's default is
    // a cache per store; Kafka Streams gives each 50 MB).
    assertThat(capacities).containsOnly(24 * MIB);
    // Only the last store was written, yet every store's cache holds its memtables: the write
    // buffer manager charges them to the one cache they all read. Exact figures move as
    // RocksDB settles its reservations, so each is only held to a floor.
    assertThat(usages).hasSize(STORES).allSatisfy(u -> assertThat(u).isGreaterThanOrEqualTo(MIB));
  }

  @Test
  void storesWithTheSameSettingsShareOneBudget() {
    Map<String, Object> configs = limits(32 * MIB, 8 * MIB);
    BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
    try (Options orders = new Options();
        Options stock = new Options();
        Options other = new Options()) {
      setter.setConfig("order-state", orders, configs);
      setter.setConfig("stock", stock, configs);
      setter.setConfig("stock", other, limits(48 * MIB, 8 * MIB));

      assertThat(orders.writeBufferManager()).isSameAs(stock.writeBufferManager());
      assertThat(other.writeBufferManager()).isNotSameAs(stock.writeBufferManager());
    }
  }

  @Test
  void aMemtableBudgetThatIsNotBelowTheTotalIsRefused() {
    try (Options options = new Options()) {
      assertThatThrownBy(
              () ->
                  new BoundedRocksDbMemory().setConfig("stock", options, limits(8 * MIB, 8 * MIB)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(BoundedRocksDbMemory.MEMTABLE_BYTES);
      assertThatThrownBy(() -> new BoundedRocksDbMemory().setConfig("stock", options, Map.of()))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(BoundedRocksDbMemory.TOTAL_BYTES);
    }
  }

  private interface Inspection {
    void inspect(List<RocksDB> dbs) throws RocksDBException;
  }

  /** Opens {@link #STORES} databases, writes records into the last one only, then inspects. */
  private void writeIntoLastStoreOnly(Map<String, Object> configs, Inspection inspection)
      throws RocksDBException {
    List<Options> options = new ArrayList<>();
    List<RocksDB> dbs = new ArrayList<>();
    try {
      for (int i = 0; i < STORES; i++) {
        Options o = new Options().setCreateIfMissing(true);
        new BoundedRocksDbMemory().setConfig("store-" + i, o, configs);
        options.add(o);
        dbs.add(RocksDB.open(o, dir.resolve("store-" + i).toString()));
      }
      RocksDB written = dbs.get(STORES - 1);
      byte[] value = new byte[VALUE_BYTES];
      for (int r = 0; r < RECORDS; r++) {
        ThreadLocalRandom.current().nextBytes(value);
        written.put(("order-" + r).getBytes(StandardCharsets.UTF_8), value);
      }
      inspection.inspect(dbs);
    } finally {
      dbs.forEach(RocksDB::close);
      options.forEach(Options::close);
    }
  }

  private static Map<String, Object> limits(long total, long memtables) {
    return Map.of(
        BoundedRocksDbMemory.TOTAL_BYTES, total, BoundedRocksDbMemory.MEMTABLE_BYTES, memtables);
  }
}
