package dev.stockroom.user.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes fresh PEM key files for tests. */
final class Ed25519PemTestKeys {
  private Ed25519PemTestKeys() {}

  static Path write(Path file) throws IOException {
    Files.writeString(file, Ed25519Pem.privateKeyPem(Ed25519Pem.generate().getPrivate()));
    return file;
  }
}
