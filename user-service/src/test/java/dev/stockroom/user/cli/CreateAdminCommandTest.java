package dev.stockroom.user.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.devkit.H2Database;
import dev.stockroom.platform.outbox.Outbox;
import dev.stockroom.user.Commands;
import dev.stockroom.user.core.Argon2PasswordHasher;
import dev.stockroom.user.core.Throttle;
import dev.stockroom.user.core.User;
import dev.stockroom.user.core.UserService;
import dev.stockroom.user.db.JdbiUserStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code create-admin} with the service not running: a fresh database, stdin for the password. */
class CreateAdminCommandTest {
  @RegisterExtension static final H2Database DB = new H2Database();

  @TempDir static Path dir;

  private static String config;

  @BeforeAll
  static void writeConfig() throws Exception {
    Path file = dir.resolve("user-service.yml");
    Files.writeString(
        file,
        """
        logging:
          level: WARN
        database:
          driverClass: org.h2.Driver
          url: "%s"
          user: sa
          password: ""
        tokens:
          keys:
            directory: "%s"
        passwords:
          memoryKib: 64
          iterations: 1
        """
            .formatted(DB.jdbcUrl(), dir.resolve("keys")));
    config = file.toString();
  }

  @Test
  void createsAnAdminOnAFreshDatabaseWithThePasswordFromStdin() {
    Commands.Result result =
        Commands.run("an admin password\n", "create-admin", "--email", "Root@Example.com", config);

    assertThat(result.success()).as(result.stderr()).isTrue();
    assertThat(result.stdout()).contains("Created admin Root@Example.com");
    User root = user("root@example.com").orElseThrow();
    assertThat(root.roles()).containsExactly("admin", "customer");
    assertThat(root.displayName()).isEqualTo("Administrator");
    assertThat(
            new Argon2PasswordHasher(16, 32, 1, 64, 1)
                .matches("an admin password", root.passwordHash()))
        .isTrue();
    assertThat(outboxTypes(root)).containsExactly("UserRegistered", "UserUpdated");
  }

  @Test
  void promotesAnExistingAccountWithoutTouchingItsPassword() {
    User existing = service().register("ada@example.com", "her own password", "Ada");

    Commands.Result result = Commands.run("", "create-admin", "--email", "ADA@example.com", config);

    assertThat(result.success()).as(result.stderr()).isTrue();
    assertThat(result.stdout()).contains("Promoted ADA@example.com");
    User promoted = user("ada@example.com").orElseThrow();
    assertThat(promoted.roles()).containsExactly("admin", "customer");
    assertThat(promoted.passwordHash()).isEqualTo(existing.passwordHash());
    assertThat(Commands.run("", "create-admin", "--email", "ada@example.com", config).stdout())
        .contains("already an admin");
  }

  @Test
  void refusesAShortPasswordAndWritesNothing() {
    Commands.Result result =
        Commands.run("short\n", "create-admin", "--email", "weak@example.com", config);

    assertThat(result.success()).isFalse();
    assertThat(result.stderr()).contains("password must be between 12 and 128 characters");
    assertThat(user("weak@example.com")).isEmpty();
  }

  @Test
  void refusesWhenStdinHasNoPassword() {
    Commands.Result result =
        Commands.run("", "create-admin", "--email", "nopass@example.com", config);

    assertThat(result.success()).isFalse();
    assertThat(result.stderr()).contains("No password on standard input");
    assertThat(user("nopass@example.com")).isEmpty();
  }

  @Test
  void requiresAnEmail() {
    Commands.Result result = Commands.run("", "create-admin", config);

    assertThat(result.success()).isFalse();
    assertThat(result.stderr()).contains("--email");
  }

  private static Jdbi jdbi() {
    return Jdbi.create(DB.jdbcUrl(), DB.user(), DB.password()).installPlugin(new SqlObjectPlugin());
  }

  private static UserService service() {
    // The command migrates; make sure the schema exists when a test seeds data first.
    Commands.run("", "create-admin", "--email", "seed@example.com", config);
    return new UserService(
        new JdbiUserStore(jdbi(), new Outbox(Clock.systemUTC(), () -> {})),
        new Argon2PasswordHasher(16, 32, 1, 64, 1),
        Throttle.NONE,
        Clock.systemUTC());
  }

  private static Optional<User> user(String email) {
    try {
      return new JdbiUserStore(jdbi(), new Outbox(Clock.systemUTC(), () -> {})).findByEmail(email);
    } catch (RuntimeException noSchemaYet) {
      return Optional.empty();
    }
  }

  private static List<String> outboxTypes(User user) {
    return jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT event_type FROM outbox_events WHERE message_key = :k ORDER BY id")
                    .bind("k", user.id().toString())
                    .mapTo(String.class)
                    .list());
  }
}
