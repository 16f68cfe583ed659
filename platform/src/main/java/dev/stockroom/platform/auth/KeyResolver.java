package dev.stockroom.platform.auth;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Finds the public key a token's {@code kid} names. Implementations must never throw for an unknown
 * or unreachable key: they answer empty, and the token is rejected (fail closed).
 */
@FunctionalInterface
public interface KeyResolver {
  Optional<PublicKey> find(String kid);
}
