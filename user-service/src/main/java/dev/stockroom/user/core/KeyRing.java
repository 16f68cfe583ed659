package dev.stockroom.user.core;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The active signing key and the retired keys whose tokens must still verify. Rotating makes a new
 * key active and keeps the old one for verification only; as access tokens live 15 minutes, one
 * retired key is enough when rotations are further apart than that.
 */
public final class KeyRing {
  private final SigningKey current;
  private final List<SigningKey> previous;

  /**
   * @param current the key that signs new tokens; must hold a private key
   * @param previous retired keys, newest first, that still verify
   */
  public KeyRing(SigningKey current, List<SigningKey> previous) {
    Objects.requireNonNull(current, "current");
    if (current.privateKey().isEmpty()) {
      throw new IllegalArgumentException("the current key must be able to sign");
    }
    List<SigningKey> retired = new ArrayList<>();
    for (SigningKey key : previous) {
      boolean duplicate =
          key.kid().equals(current.kid())
              || retired.stream().anyMatch(k -> k.kid().equals(key.kid()));
      if (!duplicate) {
        retired.add(key.retired());
      }
    }
    this.current = current;
    this.previous = Collections.unmodifiableList(retired);
  }

  /** A ring with only one key. */
  public static KeyRing of(SigningKey current) {
    return new KeyRing(current, List.of());
  }

  /** A ring where {@code next} signs and the current key (only) is kept for verification. */
  public KeyRing rotate(SigningKey next) {
    return new KeyRing(next, List.of(current));
  }

  public SigningKey current() {
    return current;
  }

  public List<SigningKey> previous() {
    return previous;
  }

  /** Every key that verifies, active first. */
  public List<SigningKey> verificationKeys() {
    List<SigningKey> all = new ArrayList<>();
    all.add(current);
    all.addAll(previous);
    return all;
  }

  /** The public key with this kid, if it is active or retired-but-still-trusted. */
  public Optional<PublicKey> find(String kid) {
    if (kid == null) {
      return Optional.empty();
    }
    return verificationKeys().stream()
        .filter(k -> k.kid().equals(kid))
        .map(SigningKey::publicKey)
        .findFirst();
  }
}
