package dev.stockroom.user.core;

import dev.stockroom.platform.errors.UnauthorizedException;

/**
 * Log-in failed. One message for an unknown e-mail and a wrong password, so the answer does not
 * tell which accounts exist.
 */
public class InvalidCredentialsException extends UnauthorizedException {
  public InvalidCredentialsException() {
    super("Invalid e-mail or password.");
  }
}
