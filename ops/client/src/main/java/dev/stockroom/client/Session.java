package dev.stockroom.client;

import java.util.Objects;
import java.util.UUID;

/**
 * A logged-in user: the bearer access token every protected call sends, the one-time refresh token,
 * and the user's id (read from the access token's {@code sub} claim; null if it had none).
 */
public record Session(String accessToken, String refreshToken, UUID userId) {
  public Session {
    Objects.requireNonNull(accessToken, "accessToken");
  }

  /** The value of the {@code Authorization} header. */
  public String authorization() {
    return "Bearer " + accessToken;
  }

  /** Never prints the tokens. */
  @Override
  public String toString() {
    return "Session[userId=" + userId + "]";
  }
}
