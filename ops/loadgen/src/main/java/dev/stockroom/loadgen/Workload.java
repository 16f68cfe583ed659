package dev.stockroom.loadgen;

import java.util.concurrent.CompletableFuture;

/**
 * One scenario operation, started by an engine at a given intended time. It records its own
 * measurements and must not block the caller: it returns as soon as its first request is on its
 * way, and the future completes when the whole operation (for an order, up to its terminal status)
 * is over.
 */
@FunctionalInterface
public interface Workload {
  CompletableFuture<?> start(long intendedStartNanos);
}
