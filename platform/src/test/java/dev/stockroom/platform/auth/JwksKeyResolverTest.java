package dev.stockroom.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.devkit.JwksServer;
import dev.stockroom.devkit.MutableClock;
import dev.stockroom.devkit.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The resolver against a real JWKS server over HTTP, with a clock the test moves. */
class JwksKeyResolverTest {
  private static final Duration TTL = Duration.ofMinutes(10);
  private static final Duration MIN_REFRESH = Duration.ofSeconds(30);

  private final TestTokens current = TestTokens.create();
  private final TestTokens next = TestTokens.create();
  private final JwksServer server = JwksServer.start(current);
  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final JwksKeyResolver resolver =
      new JwksKeyResolver(
          URI.create(server.url()),
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
          Duration.ofSeconds(5),
          TTL,
          MIN_REFRESH,
          clock);

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void fetchesOnFirstUseAndThenServesFromCache() {
    assertThat(server.requestCount()).isZero();

    for (int i = 0; i < 5; i++) {
      assertThat(resolver.find(current.kid())).contains(current.publicKey());
    }

    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void refetchesOnAnUnknownKidToPickUpARotatedKey() {
    resolver.find(current.kid());
    server.serve(current, next);
    clock.advance(MIN_REFRESH);

    assertThat(resolver.find(next.kid())).contains(next.publicKey());
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void unknownKidsRefetchAtMostOncePerMinimumInterval() {
    resolver.find(current.kid());

    for (int i = 0; i < 20; i++) {
      assertThat(resolver.find("made-up-" + i)).isEmpty();
    }
    assertThat(server.requestCount()).isEqualTo(1);

    clock.advance(MIN_REFRESH);
    assertThat(resolver.find("made-up-again")).isEmpty();
    assertThat(resolver.find("and-again")).isEmpty();
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void refetchesWhenTheCacheExpiresAndDropsRemovedKeys() {
    resolver.find(current.kid());
    server.serve(next);
    clock.advance(TTL);

    assertThat(resolver.find(current.kid())).isEmpty();
    assertThat(resolver.find(next.kid())).contains(next.publicKey());
  }

  @Test
  void failsClosedWhenTheServerNeverAnswered() {
    server.failWith(503);

    assertThat(resolver.find(current.kid())).isEmpty();
  }

  @Test
  void keepsTheLastGoodKeysWhileTheServerIsDown() {
    resolver.find(current.kid());
    server.failWith(500);
    clock.advance(TTL);

    assertThat(resolver.find(current.kid())).contains(current.publicKey());
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void failsClosedWhenTheServerIsUnreachable() {
    JwksKeyResolver unreachable =
        JwksKeyResolver.create(
            URI.create("http://127.0.0.1:9/.well-known/jwks.json"),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            TTL,
            MIN_REFRESH);

    assertThat(unreachable.find(current.kid())).isEmpty();
  }
}
