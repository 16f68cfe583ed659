package dev.stockroom.platform.errors;

/** 403: The caller is authenticated but not allowed to do this. */
public class ForbiddenException extends ProblemException {
  public ForbiddenException(String detail) {
    super(403, ProblemTypes.FORBIDDEN, "Forbidden", detail);
  }
}
