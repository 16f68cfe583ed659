package dev.stockroom.platform.errors;

/**
 * 412: An {@code If-Match} precondition did not hold: the resource changed since the client read
 * it.
 */
public class PreconditionFailedException extends ProblemException {
  public PreconditionFailedException(String detail) {
    super(412, ProblemTypes.PRECONDITION_FAILED, "Precondition failed", detail);
  }
}
