package dev.stockroom.user.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.user.core.KeyRing;
import dev.stockroom.user.core.SigningKey;
import io.dropwizard.validation.ValidationMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the JWT signing keys come from (YAML key {@code tokens.keys}), exactly one of:
 *
 * <ul>
 *   <li>{@code directory}: generate a key once and keep it there (local runs);
 *   <li>{@code currentKeyFile} (PKCS#8 PEM private key) plus optional {@code previousKeyFile}
 *       (private or public key PEM) still trusted for verification (production; rotate by moving
 *       the current file to previous and mounting a new current one, then restarting). Key ids
 *       default to each key's RFC 7638 thumbprint; {@code currentKeyId}/{@code previousKeyId} name
 *       them explicitly.
 * </ul>
 */
public class SigningKeysFactory {
  private String directory;
  private String currentKeyFile;
  private String previousKeyFile;
  private String currentKeyId;
  private String previousKeyId;

  @JsonProperty
  public String getDirectory() {
    return directory;
  }

  @JsonProperty
  public void setDirectory(String directory) {
    this.directory = blankToNull(directory);
  }

  @JsonProperty
  public String getCurrentKeyFile() {
    return currentKeyFile;
  }

  @JsonProperty
  public void setCurrentKeyFile(String currentKeyFile) {
    this.currentKeyFile = blankToNull(currentKeyFile);
  }

  @JsonProperty
  public String getPreviousKeyFile() {
    return previousKeyFile;
  }

  /** Blank means none, so {@code ${USER_JWT_PREVIOUS_KEY_FILE:-}} works when unset. */
  @JsonProperty
  public void setPreviousKeyFile(String previousKeyFile) {
    this.previousKeyFile = blankToNull(previousKeyFile);
  }

  @JsonProperty
  public String getCurrentKeyId() {
    return currentKeyId;
  }

  /** The kid of the current key file; blank or absent means its RFC 7638 thumbprint. */
  @JsonProperty
  public void setCurrentKeyId(String currentKeyId) {
    this.currentKeyId = blankToNull(currentKeyId);
  }

  @JsonProperty
  public String getPreviousKeyId() {
    return previousKeyId;
  }

  /** The kid of the previous key file; blank or absent means its RFC 7638 thumbprint. */
  @JsonProperty
  public void setPreviousKeyId(String previousKeyId) {
    this.previousKeyId = blankToNull(previousKeyId);
  }

  @ValidationMethod(message = "set exactly one of directory and currentKeyFile")
  public boolean isExactlyOneSource() {
    return (directory == null) != (currentKeyFile == null);
  }

  @ValidationMethod(message = "previousKeyFile needs currentKeyFile")
  public boolean isPreviousOnlyWithFiles() {
    return previousKeyFile == null || currentKeyFile != null;
  }

  /** Loads (or, for a directory, creates) the key ring. */
  public KeyRing build() {
    try {
      if (directory != null) {
        return new KeyDirectory(Path.of(directory)).loadOrCreate();
      }
      KeyPair current = Ed25519Pem.read(Path.of(currentKeyFile));
      if (current.getPrivate() == null) {
        throw new IllegalArgumentException(
            currentKeyFile + ": the current key must be a private key");
      }
      List<SigningKey> previous = new ArrayList<>();
      if (previousKeyFile != null) {
        previous.add(
            SigningKey.verifyOnly(
                Ed25519Pem.read(Path.of(previousKeyFile)).getPublic(), previousKeyId));
      }
      return new KeyRing(SigningKey.of(current, currentKeyId), previous);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the JWT signing keys", e);
    }
  }

  /** The key directory, for the {@code rotate-signing-key} command; null with key files. */
  public KeyDirectory keyDirectory() {
    return directory == null ? null : new KeyDirectory(Path.of(directory));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
