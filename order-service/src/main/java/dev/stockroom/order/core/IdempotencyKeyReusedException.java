package dev.stockroom.order.core;

import dev.stockroom.platform.errors.ValidationException;

/** 422: an idempotency key was sent again with a different request body. */
public class IdempotencyKeyReusedException extends ValidationException {
  public IdempotencyKeyReusedException() {
    super(
        IdempotencyKey.HEADER,
        "was already used for a different request; use a new key for a new request");
  }
}
