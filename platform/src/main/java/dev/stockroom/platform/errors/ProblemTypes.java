package dev.stockroom.platform.errors;

/**
 * The {@code type} URIs of the problems Stockroom answers with (RFC 9457). URNs rather than URLs:
 * they identify a kind of problem and are not meant to be dereferenced. Plain HTTP errors with no
 * more specific meaning use {@link #ABOUT_BLANK}, whose title is the HTTP reason phrase.
 */
public final class ProblemTypes {
  public static final String ABOUT_BLANK = "about:blank";
  public static final String BAD_REQUEST = "urn:stockroom:problem:bad-request";
  public static final String MALFORMED_JSON = "urn:stockroom:problem:malformed-json";
  public static final String VALIDATION = "urn:stockroom:problem:validation";
  public static final String NOT_FOUND = "urn:stockroom:problem:not-found";
  public static final String CONFLICT = "urn:stockroom:problem:conflict";
  public static final String UNAUTHORIZED = "urn:stockroom:problem:unauthorized";
  public static final String FORBIDDEN = "urn:stockroom:problem:forbidden";
  public static final String PRECONDITION_FAILED = "urn:stockroom:problem:precondition-failed";
  public static final String PRECONDITION_REQUIRED = "urn:stockroom:problem:precondition-required";
  public static final String PAYLOAD_TOO_LARGE = "urn:stockroom:problem:payload-too-large";
  public static final String TOO_MANY_REQUESTS = "urn:stockroom:problem:too-many-requests";
  public static final String INTERNAL = "urn:stockroom:problem:internal";
  public static final String BUSY = "urn:stockroom:problem:busy";

  private ProblemTypes() {}
}
