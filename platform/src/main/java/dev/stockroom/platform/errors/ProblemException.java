package dev.stockroom.platform.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Base of every exception that becomes an RFC 9457 problem response with a known status. Plain Java
 * so domain code ({@code core} packages) can throw it without depending on JAX-RS; the web layer
 * maps it once. The detail is shown to the client, so it must never carry internal state.
 *
 * <p>No stack trace is captured: these are expected outcomes of bad requests, never logged with a
 * trace, and filling one in on every 404 or 409 is wasted work.
 */
public class ProblemException extends RuntimeException {
  private static final Set<String> STANDARD_MEMBERS =
      Set.of("type", "title", "status", "detail", "instance", "requestId", "errorId", "errors");

  private final int status;
  private final String type;
  private final String title;
  private final String detail;
  private final List<FieldError> errors;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final Map<String, Object> extensions = new LinkedHashMap<>();

  public ProblemException(int status, String type, String title, String detail) {
    this(status, type, title, detail, List.of());
  }

  public ProblemException(
      int status, String type, String title, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a problem status is 4xx or 5xx, not " + status);
    }
    this.status = status;
    this.type = Objects.requireNonNull(type, "type");
    this.title = Objects.requireNonNull(title, "title");
    this.detail = detail;
    this.errors = List.copyOf(errors);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  /** Human-readable explanation of this occurrence; may be {@code null}. */
  public String detail() {
    return detail;
  }

  /** Field-level errors; empty unless the problem is about specific input fields. */
  public List<FieldError> errors() {
    return errors;
  }

  /** Extra response headers (for example {@code Retry-After}), in insertion order. */
  public Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  /** Extension members of this problem type, in insertion order (see {@link #withExtension}). */
  public Map<String, Object> extensions() {
    return Collections.unmodifiableMap(extensions);
  }

  /**
   * Adds an extension member (RFC 9457 section 3.2) that a client can read instead of parsing the
   * detail, such as the current stock level; returns {@code this} for chaining. The value is
   * written as JSON, so keep it to strings, numbers, booleans, lists and maps of those.
   *
   * @throws IllegalArgumentException for the name of a standard member, which it would overwrite
   */
  public ProblemException withExtension(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (STANDARD_MEMBERS.contains(name)) {
      throw new IllegalArgumentException(name + " is a standard problem member");
    }
    extensions.put(name, Objects.requireNonNull(value, "value"));
    return this;
  }

  /** Adds a response header to send with this problem; returns {@code this} for chaining. */
  public ProblemException withHeader(String name, String value) {
    headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return this;
  }
}
