package dev.stockroom.user.core;

/**
 * Rules for the name shown to other people: trimmed, 1 to 100 characters, no control characters
 * (they break logs and e-mail headers) and no angle brackets (so a name can never be markup in a
 * client that forgets to escape it).
 */
public final class DisplayName {
  public static final int MAX_LENGTH = 100;

  private DisplayName() {}

  /**
   * Returns the trimmed name.
   *
   * @throws InvalidValueException when it breaks a rule
   */
  public static String parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidValueException("is required");
    }
    String name = raw.strip();
    if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
      throw new InvalidValueException("must be at most " + MAX_LENGTH + " characters");
    }
    boolean forbidden =
        name.codePoints()
            .anyMatch(
                c ->
                    Character.isISOControl(c)
                        || c == '<'
                        || c == '>'
                        || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
    if (forbidden) {
      throw new InvalidValueException("must not contain control characters, '<' or '>'");
    }
    return name;
  }
}
