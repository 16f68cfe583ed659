package dev.stockroom.user.api;

/**
 * Body of {@code POST /api/v1/auth/token}.
 *
 * @param email the account's e-mail address (any case)
 * @param password the password
 */
public record TokenRequest(String email, String password) {
  /** Never prints the password. */
  @Override
  public String toString() {
    return "TokenRequest[email=" + email + "]";
  }
}
