package dev.stockroom.orderstream.topology;

/**
 * Headers the processor adds to a record it sends to the dead-letter topic, next to the record's
 * own headers, key and value (all kept byte for byte).
 */
public final class DeadLetterHeaders {
  /** Why the record was not processed, in words. */
  public static final String REASON = "dlq.reason";

  /** The topic the record was read from. */
  public static final String SOURCE_TOPIC = "dlq.source.topic";

  /** The partition the record was read from, as a decimal string. */
  public static final String SOURCE_PARTITION = "dlq.source.partition";

  /** The offset the record was read from, as a decimal string. */
  public static final String SOURCE_OFFSET = "dlq.source.offset";

  /** The processor node that gave up on it. */
  public static final String PROCESSOR = "dlq.processor";

  private DeadLetterHeaders() {}
}
