package dev.stockroom.loadgen.demo;

/** The command line asks for something the demo cannot do; exit code 2. */
final class DemoUsageException extends RuntimeException {
  DemoUsageException(String message) {
    super(message);
  }
}
