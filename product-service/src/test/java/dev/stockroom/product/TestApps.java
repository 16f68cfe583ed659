package dev.stockroom.product;

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
 * The real application on a given database, the shared broker and a JWKS server publishing the key
 * of {@link #TOKENS}, so tests sign real EdDSA tokens exactly as user-service would.
 */
public final class TestApps {
  public static final String CONFIG = ResourceHelpers.resourceFilePath("product-service-test.yml");

  /** The signing key every test application trusts (issuer and audience as in production). */
  public static final TestTokens TOKENS = TestTokens.create();

  private static JwksServer jwks;

  private TestApps() {}

  /** One JWKS server per test JVM; its threads are daemons, so it ends with the JVM. */
  public static synchronized String jwksUrl() {
    if (jwks == null) {
      jwks = JwksServer.start(TOKENS);
    }
    return jwks.url();
  }

  public static String adminToken() {
    return TOKENS.token(UUID.randomUUID(), "admin");
  }

  public static String customerToken() {
    return TOKENS.token(UUID.randomUUID(), "customer");
  }

  public static DropwizardAppExtension<ProductServiceConfiguration> app(
      Supplier<String> jdbcUrl, Supplier<String> user, Supplier<String> password) {
    return app(jdbcUrl, user, password, Map.of());
  }

  /** As above, with {@code extra} overrides (suppliers, resolved at start) added. */
  public static DropwizardAppExtension<ProductServiceConfiguration> app(
      Supplier<String> jdbcUrl,
      Supplier<String> user,
      Supplier<String> password,
      Map<String, Supplier<String>> extra) {
    Map<String, Supplier<String>> overrides = new LinkedHashMap<>();
    overrides.put("database.url", jdbcUrl);
    overrides.put("database.user", user);
    overrides.put("database.password", password);
    overrides.put("database.driverClass", () -> driverOf(jdbcUrl.get()));
    overrides.put("kafka.bootstrapServers", SharedKafka::bootstrapServers);
    overrides.put("auth.jwksUrl", TestApps::jwksUrl);
    String group = "stock-view-test-" + UUID.randomUUID();
    overrides.put("stockView.groupId", () -> group);
    overrides.putAll(extra);
    List<ConfigOverride> list = new ArrayList<>();
    overrides.forEach((key, value) -> list.add(ConfigOverride.config(key, value)));
    return new DropwizardAppExtension<>(
        ProductServiceApplication.class, CONFIG, list.toArray(ConfigOverride[]::new));
  }

  public static String driverOf(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : "org.h2.Driver";
  }
}
