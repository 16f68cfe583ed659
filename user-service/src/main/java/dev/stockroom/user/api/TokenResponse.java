package dev.stockroom.user.api;

import dev.stockroom.user.core.IssuedTokens;
import java.time.Duration;

/**
 * Tokens from a log-in or refresh, in the shape of an OAuth 2.0 token response (camelCase).
 *
 * @param accessToken the JWT to send as {@code Authorization: Bearer ...}
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 * @param refreshToken the opaque token for {@code /api/v1/auth/refresh}; usable once
 * @param refreshTokenExpiresIn seconds until the refresh token expires
 */
public record TokenResponse(
    String accessToken,
    String tokenType,
    long expiresIn,
    String refreshToken,
    long refreshTokenExpiresIn) {

  public static TokenResponse from(IssuedTokens tokens) {
    var access = tokens.accessToken();
    return new TokenResponse(
        access.value(),
        "Bearer",
        Duration.between(access.issuedAt(), access.expiresAt()).toSeconds(),
        tokens.refreshToken(),
        Math.max(
            0, Duration.between(access.issuedAt(), tokens.refreshTokenExpiresAt()).toSeconds()));
  }

  /** Never prints the tokens. */
  @Override
  public String toString() {
    return "TokenResponse[expiresIn=" + expiresIn + "]";
  }
}
