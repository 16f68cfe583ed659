package dev.stockroom.platform.tracing;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} (https://www.w3.org/TR/trace-context/): version 00, the
 * 32-hex trace id shared by every span of one trace, this span's 16-hex id, and the flags. We
 * export no spans; the ids tie together the log lines and the events of one request across the
 * services, and any tracing system in front of or behind us sees its trace continued.
 */
public record TraceParent(String traceId, String spanId, String flags) {
  /** The HTTP and Kafka header name. */
  public static final String HEADER = "traceparent";

  // Lowercase hex only, as the specification requires; a future version may append fields.
  private static final Pattern FORMAT =
      Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
  private static final String ZERO_TRACE = "0".repeat(32);
  private static final String ZERO_SPAN = "0".repeat(16);
  private static final HexFormat HEX = HexFormat.of();

  /**
   * The parsed header, or empty when it is absent or malformed; a receiver then starts a new trace,
   * as the specification says.
   */
  public static Optional<TraceParent> parse(String header) {
    if (header == null || header.length() > 512) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(header.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    String version = m.group(1);
    if (version.equals("ff") || (version.equals("00") && m.group(5) != null)) {
      return Optional.empty();
    }
    if (m.group(2).equals(ZERO_TRACE) || m.group(3).equals(ZERO_SPAN)) {
      return Optional.empty();
    }
    return Optional.of(new TraceParent(m.group(2), m.group(3), m.group(4)));
  }

  /** The first span of a new trace, sampled. */
  public static TraceParent newTrace() {
    return new TraceParent(randomHex(16), randomHex(8), "01");
  }

  /** A span of the same trace whose parent is this one. */
  public TraceParent child() {
    return new TraceParent(traceId, randomHex(8), flags);
  }

  /** The header value. */
  public String header() {
    return "00-" + traceId + "-" + spanId + "-" + flags;
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    do {
      ThreadLocalRandom.current().nextBytes(random);
    } while (isZero(random));
    return HEX.formatHex(random);
  }

  private static boolean isZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
