package dev.stockroom.user.core;

/**
 * The one password rule: 12 to 128 characters (counted as Unicode code points), nothing else.
 * Composition rules are deliberately absent (NIST SP 800-63B): length is what resists guessing.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  /**
   * Returns {@code password} when it satisfies the policy.
   *
   * @throws InvalidValueException when it does not
   */
  public static String check(String password) {
    if (password == null || password.isEmpty()) {
      throw new InvalidValueException("is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new InvalidValueException(
          "must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
    }
    return password;
  }
}
