package dev.stockroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.Configuration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Both hello references over real HTTP, as wrk sees them. */
@ExtendWith(DropwizardExtensionsSupport.class)
class HelloServersTest {
  // The real reference config, with free ports so the test never collides with a running bench.
  private static final DropwizardAppExtension<Configuration> DROPWIZARD =
      new DropwizardAppExtension<>(
          DropwizardHello.class,
          "config/dropwizard-hello.yml",
          ConfigOverride.config("server.applicationConnectors[0].port", "0"),
          ConfigOverride.config("server.adminConnectors[0].port", "0"));

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static Server jetty;

  @BeforeAll
  static void startJetty() throws Exception {
    jetty = JettyHello.start(0);
  }

  @AfterAll
  static void stopJetty() throws Exception {
    jetty.stop();
  }

  @Test
  void jettyHelloAnswersHelloAsPlainText() throws Exception {
    HttpResponse<String> response = get("http://127.0.0.1:" + JettyHello.port(jetty) + "/hello");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello");
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
  }

  @Test
  void jettyHelloAnswersManyRequestsOnOneConnection() throws Exception {
    for (int i = 0; i < 100; i++) {
      assertThat(get("http://127.0.0.1:" + JettyHello.port(jetty) + "/hello").body())
          .isEqualTo("hello");
    }
  }

  @Test
  void jettyHelloAnswersOtherPathsWith404() throws Exception {
    assertThat(get("http://127.0.0.1:" + JettyHello.port(jetty) + "/other").statusCode())
        .isEqualTo(404);
  }

  @Test
  void dropwizardHelloAnswersHelloAsPlainText() throws Exception {
    HttpResponse<String> response = get("http://127.0.0.1:" + DROPWIZARD.getLocalPort() + "/hello");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello");
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
  }

  @Test
  void dropwizardHelloIsHealthy() throws Exception {
    HttpResponse<String> response =
        get("http://127.0.0.1:" + DROPWIZARD.getAdminPort() + "/healthcheck");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"alive\"");
  }

  private static HttpResponse<String> get(String uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
