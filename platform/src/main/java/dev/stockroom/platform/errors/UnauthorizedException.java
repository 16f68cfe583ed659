package dev.stockroom.platform.errors;

/**
 * 401: the caller is not authenticated, or its credentials are wrong. Carries {@code
 * WWW-Authenticate: Bearer} because RFC 9110 requires a challenge on every 401.
 */
public class UnauthorizedException extends ProblemException {
  public UnauthorizedException(String detail) {
    super(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail);
    withHeader("WWW-Authenticate", "Bearer");
  }
}
