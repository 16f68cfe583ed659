package dev.stockroom.user.auth;

import dev.stockroom.user.core.KeyRing;
import dev.stockroom.user.core.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys kept in a local directory: {@code signing-key.pem} (active) and {@code
 * previous-signing-key.pem} (retired, still verifies). The active key is generated on first use and
 * reused afterwards, so tokens survive a restart. For local runs; production mounts PEM files.
 */
public final class KeyDirectory {
  static final String CURRENT = "signing-key.pem";
  static final String PREVIOUS = "previous-signing-key.pem";

  private final Path directory;

  public KeyDirectory(Path directory) {
    this.directory = directory;
  }

  /** The key ring from the directory, generating the active key if there is none yet. */
  public KeyRing loadOrCreate() throws IOException {
    Path current = directory.resolve(CURRENT);
    if (!Files.exists(current)) {
      writeNewKey(current);
    }
    List<SigningKey> previous = new ArrayList<>();
    Path previousFile = directory.resolve(PREVIOUS);
    if (Files.exists(previousFile)) {
      previous.add(SigningKey.verifyOnly(Ed25519Pem.read(previousFile).getPublic()));
    }
    return new KeyRing(SigningKey.of(Ed25519Pem.read(current)), previous);
  }

  /**
   * Retires the active key (it becomes the previous one, replacing any older previous key) and
   * generates a new active key. Running instances pick it up when restarted.
   */
  public KeyRing rotate() throws IOException {
    Path current = directory.resolve(CURRENT);
    if (Files.exists(current)) {
      Files.move(current, directory.resolve(PREVIOUS), StandardCopyOption.REPLACE_EXISTING);
    }
    writeNewKey(current);
    return loadOrCreate();
  }

  private void writeNewKey(Path target) throws IOException {
    Files.createDirectories(directory);
    KeyPair pair = Ed25519Pem.generate();
    Path temp = Files.createTempFile(directory, "key", ".tmp");
    try {
      restrictToOwner(temp);
      Files.writeString(
          temp, Ed25519Pem.privateKeyPem(pair.getPrivate()), StandardCharsets.US_ASCII);
      try {
        // Atomic and without replacing: when two processes start at once, the first key wins
        // and the second process reads it instead of overwriting it.
        Files.createLink(target, temp);
      } catch (FileAlreadyExistsException e) {
        return;
      } catch (UnsupportedOperationException | IOException e) {
        // No hard links on this file system: a plain move, still refusing to replace.
        try {
          Files.move(temp, target);
        } catch (FileAlreadyExistsException raced) {
          return;
        }
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the directory's ACL applies.
    }
  }
}
