package dev.stockroom.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.stockroom.devkit.TestTokens;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that arrive while the first JWKS fetch is still on its way must wait for it, not be
 * rejected: right after a service starts, every request is such a request.
 */
class JwksKeyResolverConcurrencyTest {
  private final TestTokens tokens = TestTokens.create();
  private final CountDownLatch firstRequestArrived = new CountDownLatch(1);
  private final CountDownLatch releaseAnswer = new CountDownLatch(1);
  private final AtomicInteger requests = new AtomicInteger();
  private final ExecutorService callers = Executors.newFixedThreadPool(8);
  private HttpServer server;

  @AfterEach
  void stop() {
    releaseAnswer.countDown();
    callers.shutdownNow();
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void lookupsDuringTheFirstFetchWaitForItsKeys() throws Exception {
    JwksKeyResolver resolver = resolverForSlowServer();

    List<Future<Optional<PublicKey>>> lookups = new ArrayList<>();
    lookups.add(callers.submit(() -> resolver.find(tokens.kid())));
    assertThat(firstRequestArrived.await(5, TimeUnit.SECONDS)).isTrue();
    List<Future<Optional<PublicKey>>> late = new ArrayList<>();
    Set<Thread> lateThreads = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 7; i++) {
      late.add(
          callers.submit(
              () -> {
                lateThreads.add(Thread.currentThread());
                return resolver.find(tokens.kid());
              }));
    }
    // Hold the fetch until every late caller has either answered or is parked inside the resolver.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                lateThreads.size() == late.size()
                    && (late.stream().allMatch(Future::isDone)
                        || lateThreads.stream().allMatch(JwksKeyResolverConcurrencyTest::parked)));
    lookups.addAll(late);
    releaseAnswer.countDown();

    for (Future<Optional<PublicKey>> lookup : lookups) {
      assertThat(lookup.get(5, TimeUnit.SECONDS)).contains(tokens.publicKey());
    }
    assertThat(requests.get()).isEqualTo(1);
  }

  private static boolean parked(Thread thread) {
    Thread.State state = thread.getState();
    return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
  }

  private JwksKeyResolver resolverForSlowServer() throws Exception {
    byte[] body = TestTokens.jwksJson(List.of(tokens)).getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/jwks",
        exchange -> {
          try (exchange) {
            requests.incrementAndGet();
            firstRequestArrived.countDown();
            releaseAnswer.await(5, TimeUnit.SECONDS);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    return new JwksKeyResolver(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks"),
        HttpClient.newHttpClient(),
        Duration.ofSeconds(5),
        Duration.ofMinutes(10),
        Duration.ofSeconds(30),
        Clock.systemUTC());
  }
}
