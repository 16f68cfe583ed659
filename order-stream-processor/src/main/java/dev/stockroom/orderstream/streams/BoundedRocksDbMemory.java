package dev.stockroom.orderstream.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the native memory of all RocksDB stores in this process at one figure. Left alone, every
 * store instance (each store times each partition) gets its own 50 MB block cache and up to three
 * 16 MB memtables, so the processor's memory grows with its partition count rather than with what
 * it is configured for. Here every store shares one LRU cache, and a write buffer manager charges
 * the memtables to that same cache, so block cache, memtables, index and filter blocks together aim
 * for {@link #TOTAL_BYTES}. Both limits are soft: the cache is not strict, and a write past the
 * memtable budget makes RocksDB flush only the memtable of the store written to.
 *
 * <p>Kafka Streams instantiates the setter per store by class name, so the cache and manager are
 * process-wide, one pair per distinct setting, and are never closed: stores open and close with
 * rebalances while the cache outlives them all.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {
  /** Streams property: bytes for block cache and memtables together, for every store. */
  public static final String TOTAL_BYTES = "stockroom.rocksdb.total.bytes";

  /** Streams property: the part of {@link #TOTAL_BYTES} memtables may take before they flush. */
  public static final String MEMTABLE_BYTES = "stockroom.rocksdb.memtable.bytes";

  /**
   * Index and filter blocks go to the cache's high-priority pool, so data blocks cannot evict what
   * every lookup needs first.
   */
  private static final double HIGH_PRIORITY_POOL_RATIO = 0.1;

  private record Limits(long total, long memtables) {}

  private record Shared(Cache cache, WriteBufferManager writeBuffers) {}

  private static final Map<Limits, Shared> SHARED = new ConcurrentHashMap<>();

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Limits limits = new Limits(bytes(configs, TOTAL_BYTES), bytes(configs, MEMTABLE_BYTES));
    if (limits.memtables() >= limits.total()) {
      throw new ConfigException(MEMTABLE_BYTES, limits.memtables(), "must be below " + TOTAL_BYTES);
    }
    Shared shared = SHARED.computeIfAbsent(limits, BoundedRocksDbMemory::allocate);
    // Kafka Streams hands over its own table config (which its metrics read the cache from); keep
    // it, and start from RocksDB's defaults only when there is none.
    BlockBasedTableConfig table =
        options.tableFormatConfig() instanceof BlockBasedTableConfig given
            ? given
            : new BlockBasedTableConfig();
    table.setBlockCache(shared.cache());
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(shared.writeBuffers());
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write buffer manager are shared by every store; see the class comment.
  }

  private static Shared allocate(Limits limits) {
    Cache cache = new LRUCache(limits.total(), -1, false, HIGH_PRIORITY_POOL_RATIO);
    return new Shared(cache, new WriteBufferManager(limits.memtables(), cache));
  }

  private static long bytes(Map<String, Object> configs, String key) {
    Object value = configs.get(key);
    if (value == null) {
      throw new ConfigException(key + " is not set");
    }
    long bytes;
    try {
      bytes = Long.parseLong(value.toString());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, value, "must be a number of bytes");
    }
    if (bytes <= 0) {
      throw new ConfigException(key, value, "must be positive");
    }
    return bytes;
  }
}
