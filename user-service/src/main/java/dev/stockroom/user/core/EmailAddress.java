package dev.stockroom.user.core;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address as the user typed it (trimmed) and its normalized form (lower-cased), which is
 * what uniqueness and log-in compare. Only ASCII addresses are accepted: internationalized
 * addresses are rare, and an ASCII-only rule keeps look-alike characters out of the unique index.
 *
 * @param value the trimmed address, used to send mail
 * @param normalized the lower-cased address, unique across accounts
 */
public record EmailAddress(String value, String normalized) {
  /** RFC 5321 limits: 64 octets of local part, 254 octets in total. */
  public static final int MAX_LENGTH = 254;

  private static final int MAX_LOCAL_LENGTH = 64;

  // The dot-atom form of RFC 5322 for the local part and a host name of LDH labels with at least
  // one dot. Quoted local parts and address literals are legal but only ever seen in attacks.
  private static final Pattern PATTERN =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
              + "[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  /**
   * Trims, validates and normalizes {@code raw}.
   *
   * @throws InvalidValueException when it is missing or not an address we accept
   */
  public static EmailAddress parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidValueException("is required");
    }
    String trimmed = raw.strip();
    if (trimmed.length() > MAX_LENGTH) {
      throw new InvalidValueException("must be at most " + MAX_LENGTH + " characters");
    }
    if (!PATTERN.matcher(trimmed).matches() || trimmed.indexOf('@') > MAX_LOCAL_LENGTH) {
      throw new InvalidValueException("must be a valid e-mail address");
    }
    return new EmailAddress(trimmed, normalize(trimmed));
  }

  /**
   * The comparison form of any string, valid address or not, for look-ups that must not reveal
   * whether an input was well-formed (log-in, filters).
   */
  public static String normalize(String raw) {
    return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
  }
}
