package dev.stockroom.user.core;

import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;

/**
 * An Ed25519 key with its {@code kid}. By default the kid is the key's RFC 7638 JWK thumbprint, so
 * it is derived from the key itself and two instances can never disagree about it; an operator may
 * name keys instead.
 *
 * @param kid key id
 * @param publicKey the public half, published in the JWKS
 * @param privateKey the private half, absent for a retired key that only verifies
 */
public record SigningKey(String kid, PublicKey publicKey, Optional<PrivateKey> privateKey) {
  public SigningKey {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(privateKey, "privateKey");
  }

  /** A key that can sign. */
  public static SigningKey of(KeyPair pair) {
    return new SigningKey(
        kidOf(pair.getPublic()), pair.getPublic(), Optional.of(pair.getPrivate()));
  }

  /** A key that can sign, under a kid chosen by the operator instead of the thumbprint. */
  public static SigningKey of(KeyPair pair, String kid) {
    return new SigningKey(
        kid == null ? kidOf(pair.getPublic()) : kid,
        pair.getPublic(),
        Optional.of(pair.getPrivate()));
  }

  /** A key that can only verify. */
  public static SigningKey verifyOnly(PublicKey publicKey) {
    return verifyOnly(publicKey, null);
  }

  /** A key that can only verify, under a chosen kid (null: the thumbprint). */
  public static SigningKey verifyOnly(PublicKey publicKey, String kid) {
    return new SigningKey(kid == null ? kidOf(publicKey) : kid, publicKey, Optional.empty());
  }

  /** This key without its private half. */
  public SigningKey retired() {
    return new SigningKey(kid, publicKey, Optional.empty());
  }

  /** The public JWK: {@code kty}, {@code crv}, {@code x}, {@code kid}, {@code use}, {@code alg}. */
  public PublicJwk<PublicKey> publicJwk() {
    return Jwks.builder().key(publicKey).id(kid).publicKeyUse("sig").algorithm("EdDSA").build();
  }

  private static String kidOf(PublicKey key) {
    return Jwks.builder().key(key).build().thumbprint().toString();
  }

  @Override
  public String toString() {
    return "SigningKey[kid=" + kid + ", canSign=" + privateKey.isPresent() + "]";
  }
}
