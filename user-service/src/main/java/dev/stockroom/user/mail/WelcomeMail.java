package dev.stockroom.user.mail;

import dev.stockroom.events.UserRegistered;

/** The text of the welcome e-mail. */
public final class WelcomeMail {
  static final String SUBJECT = "Welcome to Stockroom";

  private WelcomeMail() {}

  public static MailMessage to(UserRegistered user) {
    String text =
        "Hello "
            + user.displayName()
            + ",\n\n"
            + "welcome to Stockroom. Your account "
            + user.email()
            + " is ready: log in with this address and the password you chose.\n\n"
            + "If you did not create this account, you can ignore this message.\n";
    return new MailMessage(user.email(), SUBJECT, text);
  }
}
