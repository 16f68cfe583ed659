package dev.stockroom.user.core;

import dev.stockroom.platform.errors.NotFoundException;

/** No such account, or one the caller may not see: both answer the same so ids cannot be probed. */
public class UserNotFoundException extends NotFoundException {
  public UserNotFoundException() {
    super("No such user.");
  }
}
