package dev.stockroom.loadgen;

/** A bad command line or option value: the caller prints the message and exits with code 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
