package dev.stockroom.platform.auth;

import static dev.stockroom.devkit.HttpApi.assertProblem;
import static dev.stockroom.platform.web.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.devkit.JwksServer;
import dev.stockroom.devkit.TestTokens;
import dev.stockroom.platform.web.TestApplication;
import dev.stockroom.platform.web.TestConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A service whose issuer has never been reachable starts, refuses tokens, and recovers. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(60)
class JwksUnavailableIT {
  static final TestTokens TOKENS = TestTokens.create();
  static final JwksServer JWKS = failingFromTheStart();

  static final DropwizardAppExtension<TestConfiguration> APP =
      new DropwizardAppExtension<>(
          TestApplication.class,
          ResourceHelpers.resourceFilePath("test-app.yml"),
          ConfigOverride.config("auth.jwksUrl", (Supplier<String>) JWKS::url));

  private static JwksServer failingFromTheStart() {
    JwksServer server = JwksServer.start(TOKENS);
    server.failWith(503);
    return server;
  }

  @AfterAll
  static void stopJwks() {
    JWKS.close();
  }

  @Test
  void validTokenIsA401WhileNoKeysAreKnownAndWorksOnceTheIssuerIsBack() {
    String url = "http://127.0.0.1:" + APP.getLocalPort() + "/test/me";
    String token = TOKENS.token(UUID.randomUUID());

    assertProblem(get(url, "Authorization", "Bearer " + token), 401);
    assertThat(JWKS.requestCount()).isPositive();

    JWKS.serve(TOKENS);
    assertThat(get(url, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
  }
}
