package dev.stockroom.loadgen;

/**
 * What an engine did: scenario operations started, and (open loop) operations that were due but
 * never sent because the in-flight limit stayed full until the end of the run.
 */
public record EngineResult(long started, long notSent) {}
