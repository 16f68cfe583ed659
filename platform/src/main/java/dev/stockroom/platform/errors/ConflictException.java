package dev.stockroom.platform.errors;

/**
 * 409: The request conflicts with the current state (a duplicate unique value, a transition that is
 * no longer allowed).
 */
public class ConflictException extends ProblemException {
  public ConflictException(String detail) {
    super(409, ProblemTypes.CONFLICT, "Conflict", detail);
  }
}
