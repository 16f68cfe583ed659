package dev.stockroom.user.api;

/**
 * Body of {@code POST /api/v1/users}. Only these three fields are accepted (anything else, such as
 * {@code roles}, is rejected); their rules are checked in {@code core} so every field error is
 * reported at once.
 *
 * @param email the e-mail address to log in with
 * @param password 12 to 128 characters
 * @param displayName the name shown to others
 */
public record CreateUserRequest(String email, String password, String displayName) {
  /** Never prints the password. */
  @Override
  public String toString() {
    return "CreateUserRequest[email=" + email + "]";
  }
}
