package dev.stockroom.user.core;

import java.time.Instant;

/**
 * A signed access token (compact JWS) and when it expires.
 *
 * @param value the compact JWS
 * @param issuedAt its {@code iat}
 * @param expiresAt its {@code exp}
 */
public record AccessToken(String value, Instant issuedAt, Instant expiresAt) {}
