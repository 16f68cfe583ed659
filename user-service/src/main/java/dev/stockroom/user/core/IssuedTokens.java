package dev.stockroom.user.core;

import java.time.Instant;

/**
 * What a successful log-in or refresh hands out.
 *
 * @param accessToken the signed access token
 * @param refreshToken the opaque refresh secret (shown once, stored only hashed)
 * @param refreshTokenExpiresAt when the refresh token stops working
 */
public record IssuedTokens(
    AccessToken accessToken, String refreshToken, Instant refreshTokenExpiresAt) {}
