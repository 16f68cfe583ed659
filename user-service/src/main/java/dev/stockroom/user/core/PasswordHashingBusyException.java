package dev.stockroom.user.core;

import dev.stockroom.platform.errors.ProblemException;
import dev.stockroom.platform.errors.ProblemTypes;
import dev.stockroom.platform.errors.TooManyRequestsException;
import java.time.Duration;

/**
 * 503: every password-hashing slot stayed taken for as long as a request may wait for one. Nothing
 * was checked or changed; the client may retry after {@code Retry-After}.
 */
public final class PasswordHashingBusyException extends ProblemException {
  public PasswordHashingBusyException(Duration retryAfter) {
    super(
        503,
        ProblemTypes.BUSY,
        "Busy",
        "Too many passwords are being checked at once; retry shortly.");
    withHeader(
        "Retry-After", Long.toString(TooManyRequestsException.retryAfterSeconds(retryAfter)));
  }
}
