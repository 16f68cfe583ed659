package dev.stockroom.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.platform.auth.AuthenticatedUser;
import dev.stockroom.platform.auth.JwtVerifier;
import dev.stockroom.user.core.AccessTokenIssuer;
import dev.stockroom.user.core.KeyRing;
import dev.stockroom.user.core.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyDirectoryTest {
  @TempDir Path dir;

  @Test
  void generatesAKeyOnceAndReusesItAfterARestart() throws Exception {
    KeyRing first = new KeyDirectory(dir.resolve("keys")).loadOrCreate();
    KeyRing second = new KeyDirectory(dir.resolve("keys")).loadOrCreate();

    assertThat(second.current().kid()).isEqualTo(first.current().kid());
    assertThat(second.previous()).isEmpty();
    Path file = dir.resolve("keys").resolve(KeyDirectory.CURRENT);
    assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    try (var files = Files.list(dir.resolve("keys"))) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void rotationSignsWithANewKeyWhileTokensOfTheOldOneStillVerify() throws Exception {
    KeyDirectory keys = new KeyDirectory(dir);
    KeyRing before = keys.loadOrCreate();
    User user = user();
    String oldToken = issuer(before).issue(user).value();

    KeyRing after = keys.rotate();
    KeyRing reloaded = new KeyDirectory(dir).loadOrCreate();
    String newToken = issuer(reloaded).issue(user).value();

    assertThat(after.current().kid()).isNotEqualTo(before.current().kid());
    assertThat(reloaded.current().kid()).isEqualTo(after.current().kid());
    assertThat(reloaded.previous())
        .singleElement()
        .satisfies(k -> assertThat(k.kid()).isEqualTo(before.current().kid()));
    // Verified the way every service verifies: platform's verifier over the published keys.
    JwtVerifier verifier =
        new JwtVerifier(reloaded::find, "iss", "aud", Duration.ofSeconds(30), "roles");
    assertThat(verifier.verify(oldToken)).map(AuthenticatedUser::id).contains(user.id());
    assertThat(verifier.verify(newToken)).map(AuthenticatedUser::id).contains(user.id());

    // After a second rotation the first key is gone, and so is trust in its tokens.
    KeyRing twice = keys.rotate();
    JwtVerifier later = new JwtVerifier(twice::find, "iss", "aud", Duration.ofSeconds(30), "roles");
    assertThat(later.verify(oldToken)).isEqualTo(Optional.empty());
    assertThat(later.verify(newToken)).isPresent();
  }

  @Test
  void keyFilesDefaultTheKidToTheThumbprintAndAcceptAnExplicitOne() throws Exception {
    var current = Ed25519PemTestKeys.write(dir.resolve("current.pem"));
    var previous = Ed25519PemTestKeys.write(dir.resolve("previous.pem"));
    SigningKeysFactory factory = new SigningKeysFactory();
    factory.setCurrentKeyFile(current.toString());
    factory.setPreviousKeyFile(previous.toString());
    factory.setPreviousKeyId("2024-q4");

    KeyRing ring = factory.build();

    assertThat(ring.current().kid()).matches("[A-Za-z0-9_-]{43}");
    assertThat(ring.previous())
        .singleElement()
        .satisfies(k -> assertThat(k.kid()).isEqualTo("2024-q4"));
    assertThat(factory.isExactlyOneSource()).isTrue();
  }

  @Test
  void aBlankPreviousKeyFileMeansNone() {
    SigningKeysFactory factory = new SigningKeysFactory();
    factory.setDirectory(dir.toString());
    factory.setPreviousKeyFile("");

    assertThat(factory.isExactlyOneSource()).isTrue();
    assertThat(factory.isPreviousOnlyWithFiles()).isTrue();
    factory.setCurrentKeyFile("/somewhere.pem");
    assertThat(factory.isExactlyOneSource()).isFalse();
  }

  private static AccessTokenIssuer issuer(KeyRing ring) {
    return new AccessTokenIssuer(ring, "iss", "aud", Duration.ofMinutes(15), Clock.systemUTC());
  }

  private static User user() {
    Instant now = Instant.now();
    return new User(
        UUID.randomUUID(),
        "a@example.com",
        "a@example.com",
        "A",
        "h",
        new TreeSet<>(Set.of("customer")),
        1,
        now,
        now);
  }
}
