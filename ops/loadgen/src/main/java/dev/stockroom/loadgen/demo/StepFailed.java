package dev.stockroom.loadgen.demo;

/**
 * A step's answer was not what the walk-through promises (a status, a reason, a stock number). The
 * message says what was expected and what was seen.
 */
final class StepFailed extends RuntimeException {
  StepFailed(String message) {
    super(message);
  }
}
