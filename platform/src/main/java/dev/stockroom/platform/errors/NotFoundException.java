package dev.stockroom.platform.errors;

/**
 * 404: The resource does not exist, or the caller may not know that it does (reading another user's
 * data answers 404, not 403).
 */
public class NotFoundException extends ProblemException {
  public NotFoundException(String detail) {
    super(404, ProblemTypes.NOT_FOUND, "Not found", detail);
  }
}
