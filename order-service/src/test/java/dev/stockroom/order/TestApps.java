package dev.stockroom.order;

import dev.stockroom.devkit.JwksServer;
import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.devkit.TestTokens;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The real application, started once per test class, on a given database, the shared broker and a
 * JWKS server publishing {@link #TOKENS}' key (one per test JVM).
 */
public final class TestApps {
  public static final String CONFIG = ResourceHelpers.resourceFilePath("order-service-test.yml");
  public static final TestTokens TOKENS = TestTokens.create();
  private static JwksServer jwks;

  private TestApps() {}

  /** The JWKS server, started on first use and left running for the JVM. */
  public static synchronized JwksServer jwks() {
    if (jwks == null) {
      jwks = JwksServer.start(TOKENS);
    }
    return jwks;
  }

  public static DropwizardAppExtension<OrderServiceConfiguration> app(
      Supplier<String> jdbcUrl, Supplier<String> user, Supplier<String> password) {
    return app(jdbcUrl, user, password, Map.of());
  }

  /** As above, with {@code extra} overrides replacing the defaults of the same keys. */
  public static DropwizardAppExtension<OrderServiceConfiguration> app(
      Supplier<String> jdbcUrl,
      Supplier<String> user,
      Supplier<String> password,
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
    overrides.put("auth.jwksUrl", () -> jwks().url());
    // Fresh groups per application: every test class reads the topics from the beginning.
    String suffix = UUID.randomUUID().toString();
    overrides.put("productReplica.groupId", () -> "product-replica-test-" + suffix);
    overrides.put("orderStatus.groupId", () -> "order-status-test-" + suffix);
    extra.forEach((key, value) -> overrides.put(key, () -> value));
    List<ConfigOverride> list = new ArrayList<>();
    overrides.forEach((key, value) -> list.add(ConfigOverride.config(key, value)));
    return new DropwizardAppExtension<>(
        OrderServiceApplication.class, CONFIG, list.toArray(ConfigOverride[]::new));
  }
}
