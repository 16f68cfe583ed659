package dev.stockroom.platform.web;

import dev.stockroom.platform.errors.PreconditionFailedException;
import dev.stockroom.platform.errors.PreconditionRequiredException;
import java.util.OptionalLong;

/**
 * How a resource reads the row version an {@code If-Match} header asks for. Our entity tags are
 * strong and start with the row version: {@code "3"}, or {@code "3-38"} where a representation
 * appends numbers that are not the row's (product-service's availability), which take no part in
 * the lost-update check.
 *
 * @param wildcard what {@code If-Match: *} means to the resource
 * @param suffix whether its tags carry a suffix after the version
 */
public record IfMatch(Wildcard wildcard, Suffix suffix) {
  /** What {@code If-Match: *} means to a resource. */
  public enum Wildcard {
    /** Any current version (RFC 9110: the resource exists), so the write is unconditional. */
    ANY_VERSION,
    /** Refused with 428: the resource insists on the version the client last read. */
    REFUSED
  }

  /** Whether the resource's tags go on after the version. */
  public enum Suffix {
    /** Tags are the version alone; {@code "3-38"} is a tag this resource never issued. */
    NONE,
    /** Tags may append {@code -...} after the version, which the comparison leaves out. */
    IGNORED
  }

  /**
   * The version the header names; empty when there is no header (or {@code *} where allowed).
   *
   * @throws PreconditionRequiredException for {@code *} under {@link Wildcard#REFUSED}
   * @throws PreconditionFailedException when the header is not one strong tag, or names a tag this
   *     resource could not have issued (which then matches no current version either)
   */
  public OptionalLong expectedVersion(String header) {
    if (header == null || header.isBlank()) {
      return OptionalLong.empty();
    }
    String tag = header.strip();
    if (tag.equals("*")) {
      if (wildcard == Wildcard.REFUSED) {
        throw new PreconditionRequiredException(
            "If-Match must carry the ETag you last read, not *.");
      }
      return OptionalLong.empty();
    }
    // If-Match uses strong comparison (RFC 9110 13.1.1): a weak tag never matches, and a list of
    // tags would ask for more than one version of a row that has exactly one.
    if (tag.length() < 3
        || !tag.startsWith("\"")
        || !tag.endsWith("\"")
        || tag.indexOf('"', 1) != tag.length() - 1) {
      throw new PreconditionFailedException(
          "If-Match must be one strong entity tag such as \"3\".");
    }
    String opaque = tag.substring(1, tag.length() - 1);
    int dash = opaque.indexOf('-');
    String version = dash < 0 || suffix == Suffix.NONE ? opaque : opaque.substring(0, dash);
    if (version.isEmpty() || !version.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new PreconditionFailedException("The ETag does not match the current version.");
    }
    try {
      return OptionalLong.of(Long.parseLong(version));
    } catch (NumberFormatException tooLarge) {
      throw new PreconditionFailedException("The ETag does not match the current version.");
    }
  }
}
