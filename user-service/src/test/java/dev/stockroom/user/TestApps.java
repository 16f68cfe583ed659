package dev.stockroom.user;

import dev.stockroom.devkit.SharedKafka;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** The real application, started once per test class, on a given database and the shared broker. */
public final class TestApps {
  public static final String CONFIG = ResourceHelpers.resourceFilePath("user-service-test.yml");

  private TestApps() {}

  /** Where one application instance keeps its files. */
  public record Dirs(Path keys, Path mail) {
    public static Dirs create() {
      try {
        Path root = Files.createTempDirectory("user-service-test");
        return new Dirs(root.resolve("keys"), root.resolve("mail"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The application on {@code jdbcUrl} (H2 or PostgreSQL), with its own key and mail directories
   * and its own welcome-mail consumer group.
   */
  public static DropwizardAppExtension<UserServiceConfiguration> app(
      Supplier<String> jdbcUrl, Supplier<String> user, Supplier<String> password, Dirs dirs) {
    return app(jdbcUrl, user, password, dirs, Map.of());
  }

  /** As above, with {@code extra} overrides replacing the defaults of the same keys. */
  public static DropwizardAppExtension<UserServiceConfiguration> app(
      Supplier<String> jdbcUrl,
      Supplier<String> user,
      Supplier<String> password,
      Dirs dirs,
      Map<String, String> extra) {
    Map<String, Supplier<String>> overrides = new LinkedHashMap<>();
    overrides.put("database.url", jdbcUrl);
    overrides.put("database.user", user);
    overrides.put("database.password", password);
    overrides.put(
        "database.driverClass",
        () ->
            jdbcUrl.get().startsWith("jdbc:postgresql:")
                ? "org.postgresql.Driver"
                : "org.h2.Driver");
    overrides.put("kafka.bootstrapServers", SharedKafka::bootstrapServers);
    overrides.put("tokens.keys.directory", () -> dirs.keys().toString());
    overrides.put("welcomeMail.mail.directory", () -> dirs.mail().toString());
    String group = "welcome-mail-test-" + UUID.randomUUID();
    overrides.put("welcomeMail.groupId", () -> group);
    extra.forEach((key, value) -> overrides.put(key, () -> value));
    List<ConfigOverride> list = new ArrayList<>();
    overrides.forEach((key, value) -> list.add(ConfigOverride.config(key, value)));
    return new DropwizardAppExtension<>(
        UserServiceApplication.class, CONFIG, list.toArray(ConfigOverride[]::new));
  }
}
