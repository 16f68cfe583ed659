package dev.stockroom.user.core;

import dev.stockroom.platform.errors.ConflictException;

/** Registration with an e-mail address that another account already uses (ignoring case). */
public class EmailAlreadyUsedException extends ConflictException {
  public EmailAlreadyUsedException() {
    super("An account with this e-mail address already exists.");
  }
}
