package dev.stockroom.user.api;

/**
 * Body of {@code POST /api/v1/auth/refresh} and {@code POST /api/v1/auth/logout}.
 *
 * @param refreshToken the refresh token from the last token response
 */
public record RefreshTokenRequest(String refreshToken) {
  /** Never prints the token. */
  @Override
  public String toString() {
    return "RefreshTokenRequest[]";
  }
}
