package dev.stockroom.platform.web;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The request id every response echoes in {@code X-Request-Id} and every log line of the request
 * carries in the SLF4J MDC key {@code requestId}.
 */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";

  /** Servlet request attribute holding the id, for code that runs after the MDC is cleared. */
  public static final String ATTRIBUTE = RequestIds.class.getName();

  /**
   * What a caller-supplied id may look like: short, and only characters that cannot split a log
   * line, inject markup or smuggle a header. Anything else is replaced, not rejected, because the
   * id is a diagnostic aid and never a reason to fail a request.
   */
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  /** The caller's id when well-formed, otherwise a fresh random UUID. */
  public static String acceptOrGenerate(String supplied) {
    if (supplied != null && WELL_FORMED.matcher(supplied).matches()) {
      return supplied;
    }
    return UUID.randomUUID().toString();
  }

  /** The id of the request the current thread is handling, if any. */
  public static Optional<String> current() {
    return Optional.ofNullable(MDC.get(MDC_KEY));
  }
}
