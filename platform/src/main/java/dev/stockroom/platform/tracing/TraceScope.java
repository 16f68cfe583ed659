package dev.stockroom.platform.tracing;

import java.util.Optional;
import org.slf4j.MDC;

/**
 * The trace this thread is working for, in the MDC: {@code traceId} for log lines, {@code
 * traceparent} for what the work sends on (the outbox puts it on the events it writes). Open one
 * per request or consumed record, in try-with-resources; closing restores what was there before.
 */
public final class TraceScope implements AutoCloseable {
  /** MDC key of the trace id, for log formats: {@code %X{traceId}}. */
  public static final String MDC_TRACE_ID = "traceId";

  /** MDC key of the current span's {@code traceparent} header value. */
  public static final String MDC_TRACEPARENT = "traceparent";

  private final String previousTraceId;
  private final String previousParent;

  private TraceScope(TraceParent current) {
    previousTraceId = MDC.get(MDC_TRACE_ID);
    previousParent = MDC.get(MDC_TRACEPARENT);
    MDC.put(MDC_TRACE_ID, current.traceId());
    MDC.put(MDC_TRACEPARENT, current.header());
  }

  /**
   * Continues the trace of {@code incoming} (a {@code traceparent} header value) in a new span, or
   * starts a new trace when it is absent or malformed.
   */
  public static TraceScope continueOrStart(String incoming) {
    return new TraceScope(
        TraceParent.parse(incoming).map(TraceParent::child).orElseGet(TraceParent::newTrace));
  }

  /** The {@code traceparent} of the work on this thread, if any. */
  public static Optional<String> currentHeader() {
    return Optional.ofNullable(MDC.get(MDC_TRACEPARENT));
  }

  @Override
  public void close() {
    restore(MDC_TRACE_ID, previousTraceId);
    restore(MDC_TRACEPARENT, previousParent);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
