package dev.stockroom.platform.errors;

/** 413: The request body is larger than the configured limit. */
public class PayloadTooLargeException extends ProblemException {
  public PayloadTooLargeException(String detail) {
    super(413, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", detail);
  }
}
