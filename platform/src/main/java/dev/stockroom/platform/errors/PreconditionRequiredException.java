package dev.stockroom.platform.errors;

/** 428: The request must be conditional ({@code If-Match}) and was not. */
public class PreconditionRequiredException extends ProblemException {
  public PreconditionRequiredException(String detail) {
    super(428, ProblemTypes.PRECONDITION_REQUIRED, "Precondition required", detail);
  }
}
