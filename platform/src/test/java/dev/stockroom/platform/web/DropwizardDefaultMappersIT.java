package dev.stockroom.platform.web;

import static dev.stockroom.devkit.HttpApi.assertProblem;
import static dev.stockroom.platform.web.TestHttp.get;
import static dev.stockroom.platform.web.TestHttp.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A service that calls only {@code ApiFactory.build(environment)}, leaving Dropwizard's default
 * exception mappers registered, still answers problem JSON for the types those mappers claim.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(60)
class DropwizardDefaultMappersIT {
  static final DropwizardAppExtension<TestConfiguration> APP =
      new DropwizardAppExtension<>(
          TestApplication.class,
          ResourceHelpers.resourceFilePath("test-app.yml"),
          ConfigOverride.config("keepDropwizardMappers", "true"));

  private static String api(String path) {
    return "http://127.0.0.1:" + APP.getLocalPort() + path;
  }

  @Test
  void ourMappersWinOverDropwizardDefaults() {
    assertProblem(postJson(api("/test/things"), "{\"email\": "), 400);
    assertProblem(postJson(api("/test/things"), "{\"email\": \"x\"}"), 422);
    assertProblem(get(api("/test/illegal-state")), 500);
    assertThat(assertProblem(get(api("/test/boom")), 500).path("errorId").asText()).isNotEmpty();
    assertProblem(get(api("/test/query?count=500")), 400);
  }
}
