package dev.stockroom.platform.ratelimit;

import static dev.stockroom.devkit.HttpApi.assertProblem;
import static dev.stockroom.platform.web.TestHttp.request;
import static dev.stockroom.platform.web.TestHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.platform.errors.ProblemTypes;
import dev.stockroom.platform.web.TestApplication;
import dev.stockroom.platform.web.TestConfiguration;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The limiter from YAML (3 per hour) over real HTTP. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(60)
class RateLimitIT {
  static final DropwizardAppExtension<TestConfiguration> APP =
      new DropwizardAppExtension<>(
          TestApplication.class, ResourceHelpers.resourceFilePath("test-app.yml"));

  private static HttpResponse<String> call(String key) {
    return send(
        request("http://127.0.0.1:" + APP.getLocalPort() + "/test/limited?key=" + key)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void fourthCallIsA429WithRetryAfterAndRateLimitHeaders() {
    for (int i = 0; i < 3; i++) {
      assertThat(call("alice").statusCode()).isEqualTo(200);
    }

    HttpResponse<String> refused = call("alice");

    assertThat(assertProblem(refused, 429).path("type").asText())
        .isEqualTo(ProblemTypes.TOO_MANY_REQUESTS);
    assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
        .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 3600L));
    assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("3");
    assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    assertThat(refused.headers().firstValue("RateLimit-Reset")).isPresent();
    assertThat(call("bob").statusCode()).isEqualTo(200);
  }
}
