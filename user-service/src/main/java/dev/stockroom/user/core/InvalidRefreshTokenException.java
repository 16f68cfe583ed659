package dev.stockroom.user.core;

import dev.stockroom.platform.errors.UnauthorizedException;

/**
 * A refresh token that is unknown, expired, revoked or already used. One message for all, so a
 * thief cannot tell whether the family was revoked because of them.
 */
public class InvalidRefreshTokenException extends UnauthorizedException {
  public InvalidRefreshTokenException() {
    super("The refresh token is invalid or expired.");
  }
}
