package dev.stockroom.orderstream.views;

import org.apache.kafka.streams.state.HostInfo;

/**
 * What this instance can say about one key of a view.
 *
 * @param <V> the stored value type
 */
public sealed interface Lookup<V> {
  /** This instance owns the key and it has a committed value. */
  record Found<V>(V value) implements Lookup<V> {}

  /** This instance owns the key and nothing was ever committed for it. */
  record Absent<V>() implements Lookup<V> {}

  /** Another instance owns the key. */
  record Elsewhere<V>(HostInfo host) implements Lookup<V> {}

  /** Nobody can answer right now (rebalancing, restoring, starting): try again shortly. */
  record Unavailable<V>(String reason) implements Lookup<V> {}
}
