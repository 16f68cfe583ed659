package dev.stockroom.user.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Ed25519 keys as PEM text: PKCS#8 {@code PRIVATE KEY} (what {@code openssl genpkey -algorithm
 * ed25519} writes) and X.509 {@code PUBLIC KEY}. A private-key file is all an operator has to
 * provide: the public half is derived from it.
 */
public final class Ed25519Pem {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  // DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32-byte key follows (RFC 8410).
  private static final byte[] PUBLIC_KEY_PREFIX =
      HexFormat.of().parseHex("302a300506032b6570032100");

  private Ed25519Pem() {}

  /** A fresh key pair from the JDK's provider. */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Java 15+ always has Ed25519", e);
    }
  }

  /** The private key as a PEM {@code PRIVATE KEY} block. */
  public static String privateKeyPem(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  /** The public key as a PEM {@code PUBLIC KEY} block. */
  public static String publicKeyPem(PublicKey key) {
    return pem("PUBLIC KEY", key.getEncoded());
  }

  /**
   * Reads a PEM file holding an Ed25519 private key (and returns the pair) or only a public key
   * (and returns a pair whose private half is null).
   *
   * @throws IllegalArgumentException when the file holds neither
   */
  public static KeyPair read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
  }

  /** {@link #read(Path)} for text; {@code source} names it in error messages. */
  public static KeyPair parse(String text, String source) {
    Matcher matcher = BLOCK.matcher(text);
    if (!matcher.find()) {
      throw new IllegalArgumentException(source + ": no PEM block found");
    }
    byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      switch (matcher.group(1)) {
        case "PRIVATE KEY" -> {
          PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
          return new KeyPair(derivePublic(factory, privateKey), privateKey);
        }
        case "PUBLIC KEY" -> {
          return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(der)), null);
        }
        default ->
            throw new IllegalArgumentException(
                source + ": expected PRIVATE KEY or PUBLIC KEY, found " + matcher.group(1));
      }
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException(source + ": not an Ed25519 key (" + e.getMessage() + ")");
    }
  }

  private static PublicKey derivePublic(KeyFactory factory, PrivateKey privateKey)
      throws GeneralSecurityException {
    byte[] seed =
        ((EdECPrivateKey) privateKey)
            .getBytes()
            .orElseThrow(() -> new GeneralSecurityException("private key bytes unavailable"));
    // The JDK cannot derive an EdDSA public key; Bouncy Castle's low-level API can.
    byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    byte[] der = new byte[PUBLIC_KEY_PREFIX.length + raw.length];
    System.arraycopy(PUBLIC_KEY_PREFIX, 0, der, 0, PUBLIC_KEY_PREFIX.length);
    System.arraycopy(raw, 0, der, PUBLIC_KEY_PREFIX.length, raw.length);
    return factory.generatePublic(new X509EncodedKeySpec(der));
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
