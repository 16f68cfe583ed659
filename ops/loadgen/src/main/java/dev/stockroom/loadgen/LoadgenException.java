package dev.stockroom.loadgen;

/** The run could not be carried out (setup failed, the stack is not reachable): exit code 1. */
public final class LoadgenException extends RuntimeException {
  public LoadgenException(String message) {
    super(message);
  }

  public LoadgenException(String message, Throwable cause) {
    super(message, cause);
  }
}
