package dev.stockroom.platform.auth;

import static dev.stockroom.devkit.HttpApi.assertProblem;
import static dev.stockroom.devkit.HttpApi.json;
import static dev.stockroom.platform.web.TestHttp.get;
import static dev.stockroom.platform.web.TestHttp.request;
import static dev.stockroom.platform.web.TestHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.devkit.JwksServer;
import dev.stockroom.devkit.TestTokens;
import dev.stockroom.platform.errors.ProblemTypes;
import dev.stockroom.platform.web.TestApplication;
import dev.stockroom.platform.web.TestConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bearer authentication over real HTTP, with keys fetched from a real JWKS server. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(60)
class JwtAuthIT {
  static final TestTokens TOKENS = TestTokens.create();
  static final JwksServer JWKS = JwksServer.start(TOKENS);

  static final DropwizardAppExtension<TestConfiguration> APP =
      new DropwizardAppExtension<>(
          TestApplication.class,
          ResourceHelpers.resourceFilePath("test-app.yml"),
          ConfigOverride.config("auth.jwksUrl", (Supplier<String>) JWKS::url));

  private final UUID subject = UUID.randomUUID();

  @AfterAll
  static void stopJwks() {
    JWKS.close();
  }

  private static String api(String path) {
    return "http://127.0.0.1:" + APP.getLocalPort() + path;
  }

  private static HttpResponse<String> getWith(String path, String token) {
    return get(api(path), "Authorization", "Bearer " + token);
  }

  private static void assertRejectedToken(HttpResponse<String> response) {
    JsonNode problem = assertProblem(response, 401);
    assertThat(problem.path("type").asText()).isEqualTo(ProblemTypes.UNAUTHORIZED);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"stockroom\", error=\"invalid_token\"");
  }

  @Test
  void validTokenIdentifiesTheCaller() {
    HttpResponse<String> response = getWith("/test/me", TOKENS.token(subject, Roles.CUSTOMER));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode me = json(response);
    assertThat(me.path("id").asText()).isEqualTo(subject.toString());
    assertThat(me.path("roles").get(0).asText()).isEqualTo(Roles.CUSTOMER);
    assertThat(me.path("admin").asBoolean()).isFalse();
  }

  @Test
  void missingTokenIsA401WithABearerChallenge() {
    HttpResponse<String> response = get(api("/test/me"));

    assertProblem(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"stockroom\"");
  }

  @Test
  void algNoneIsRejected() {
    assertRejectedToken(getWith("/test/me", TOKENS.algNone(subject)));
  }

  @Test
  void hs256SignedWithThePublicKeyIsRejected() {
    assertRejectedToken(getWith("/test/me", TOKENS.hs256SignedWithPublicKey(subject)));
  }

  @Test
  void expiredTokenIsRejected() {
    assertRejectedToken(getWith("/test/me", TOKENS.expired(subject)));
  }

  @Test
  void notYetValidTokenIsRejected() {
    assertRejectedToken(getWith("/test/me", TOKENS.notYetValid(subject)));
  }

  @Test
  void wrongIssuerIsRejected() {
    assertRejectedToken(getWith("/test/me", TOKENS.wrongIssuer(subject)));
  }

  @Test
  void wrongAudienceIsRejected() {
    assertRejectedToken(getWith("/test/me", TOKENS.wrongAudience(subject)));
  }

  @Test
  void unknownKidIsRejected() {
    assertRejectedToken(getWith("/test/me", TOKENS.unknownKid(subject)));
  }

  @Test
  void tamperedPayloadIsRejected() {
    assertRejectedToken(getWith("/test/admin", TOKENS.tamperedPayload(subject)));
  }

  @Test
  void tokenOutsideTheAuthorizationHeaderIsIgnored() {
    String token = TOKENS.token(subject);

    assertProblem(get(api("/test/me?access_token=" + token)), 401);
    assertProblem(get(api("/test/me"), "Cookie", "access_token=" + token), 401);
    assertProblem(get(api("/test/me"), "Authorization", "Basic " + token), 401);
    assertProblem(get(api("/test/me"), "Authorization", token), 401);
  }

  @Test
  void customerOnAnAdminEndpointIsA403() {
    HttpResponse<String> response = getWith("/test/admin", TOKENS.token(subject, Roles.CUSTOMER));

    assertProblem(response, 403);
  }

  @Test
  void adminOnAnAdminEndpointIsAllowed() {
    HttpResponse<String> response = getWith("/test/admin", TOKENS.token(subject, Roles.ADMIN));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void anyListedRoleIsAllowed() {
    assertThat(getWith("/test/customers", TOKENS.token(subject, Roles.CUSTOMER)).statusCode())
        .isEqualTo(200);
    assertThat(getWith("/test/customers", TOKENS.token(subject, Roles.ADMIN)).statusCode())
        .isEqualTo(200);
    assertProblem(getWith("/test/customers", TOKENS.token(subject, "auditor")), 403);
    assertProblem(get(api("/test/customers")), 401);
  }

  @Test
  void endpointWithoutSecurityAnnotationsRequiresAToken() {
    assertProblem(get(api("/test/unannotated")), 401);
    assertThat(getWith("/test/unannotated", TOKENS.token(subject)).statusCode()).isEqualTo(200);
  }

  @Test
  void jerseyGeneratedOptionsNeedNoToken() {
    HttpResponse<String> response =
        send(
            request(api("/test/unannotated"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
  }

  @Test
  void permitAllEndpointsArePublicEvenWithABadToken() {
    assertThat(get(api("/test/mdc")).statusCode()).isEqualTo(200);
    assertThat(getWith("/test/mdc", TOKENS.expired(subject)).statusCode()).isEqualTo(200);
  }

  @Test
  void keysAreFetchedOnceAndCached() {
    getWith("/test/me", TOKENS.token(subject));
    int before = JWKS.requestCount();

    for (int i = 0; i < 5; i++) {
      assertThat(getWith("/test/me", TOKENS.token(UUID.randomUUID())).statusCode()).isEqualTo(200);
    }

    assertThat(JWKS.requestCount()).isEqualTo(before);
  }

  @Test
  void rotatedKeyIsPickedUpOnItsFirstToken() {
    TestTokens rotated = TestTokens.create();
    getWith("/test/me", TOKENS.token(subject));
    int before = JWKS.requestCount();
    JWKS.serve(TOKENS, rotated);
    try {
      HttpResponse<String> response = getWith("/test/me", rotated.token(subject));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(JWKS.requestCount()).isEqualTo(before + 1);
    } finally {
      JWKS.serve(TOKENS);
    }
  }

  @Test
  void jwksServerDownMeansUnknownKeysAre401NotA500() {
    TestTokens unseen = TestTokens.create();
    getWith("/test/me", TOKENS.token(subject));
    JWKS.failWith(503);
    try {
      assertRejectedToken(getWith("/test/me", unseen.token(subject)));
      // Keys fetched before the outage still verify.
      assertThat(getWith("/test/me", TOKENS.token(subject)).statusCode()).isEqualTo(200);
    } finally {
      JWKS.serve(TOKENS);
    }
  }
}
