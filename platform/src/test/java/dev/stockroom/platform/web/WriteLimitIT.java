package dev.stockroom.platform.web;

import static dev.stockroom.devkit.HttpApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.platform.errors.ProblemTypes;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code api.writeLimit} over real HTTP: with one write in progress and one waiting, the next write
 * is turned away at once and the waiting one once its wait is over, both with a 503 problem and
 * {@code Retry-After} and without reaching the resource; reads pass throughout.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WriteLimitIT {
  static final DropwizardAppExtension<TestConfiguration> APP =
      new DropwizardAppExtension<>(
          TestApplication.class, ResourceHelpers.resourceFilePath("test-app-write-limit.yml"));

  @AfterEach
  void releaseEveryHeldWrite() {
    TestResource.heldWriteRelease.countDown();
  }

  @Test
  void writesPastTheLimitGetBusyAndReadsStillPass() throws Exception {
    TestResource.heldWriteStarted = new CountDownLatch(1);
    TestResource.heldWriteRelease = new CountDownLatch(1);
    int before = TestResource.HELD_WRITES.get();
    long turnedAwayBefore =
        APP.getEnvironment().metrics().counter(WriteLimitFactory.TURNED_AWAY_METRIC).getCount();

    CompletableFuture<HttpResponse<String>> running = postHeldAsync();
    assertThat(TestResource.heldWriteStarted.await(10, TimeUnit.SECONDS))
        .as("the first write started")
        .isTrue();

    HttpResponse<String> read = TestHttp.get(url("/test/things/" + UUID.randomUUID()));
    assertProblem(read, 404);

    long waitStarted = System.nanoTime();
    CompletableFuture<HttpResponse<String>> waiting = postHeldAsync();
    awaitSuspended(1);

    HttpResponse<String> turnedAway =
        TestHttp.send(heldRequest().header(RequestIds.HEADER, "busy-1"));
    assertBusy(turnedAway);
    assertThat(turnedAway.headers().firstValue(RequestIds.HEADER)).hasValue("busy-1");
    assertThat(assertProblem(turnedAway, 503).path("requestId").asText()).isEqualTo("busy-1");

    HttpResponse<String> waitedOut = waiting.get(10, TimeUnit.SECONDS);
    assertBusy(waitedOut);
    assertThat(Duration.ofNanos(System.nanoTime() - waitStarted))
        .as("the waiting write was answered once its 300 ms were over")
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));

    assertThat(TestHttp.get(admin("/prometheus")).body())
        .containsPattern("(?m)^stockroom_api_writes_turnedAway_total " + (turnedAwayBefore + 2))
        .containsPattern("(?m)^stockroom_api_writes_waiting 0");
    assertThat(TestResource.HELD_WRITES.get() - before)
        .as("writes that reached the resource")
        .isEqualTo(1);
    TestResource.heldWriteRelease.countDown();
    assertThat(running.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);

    assertThat(postHeld().statusCode()).as("a write once the slot is free").isEqualTo(204);
  }

  @Test
  void aWriteThatWaitsLessThanMaxWaitRunsWhenTheSlotFrees() throws Exception {
    TestResource.heldWriteStarted = new CountDownLatch(1);
    TestResource.heldWriteRelease = new CountDownLatch(1);

    CompletableFuture<HttpResponse<String>> running = postHeldAsync();
    assertThat(TestResource.heldWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<HttpResponse<String>> waiting = postHeldAsync();
    awaitSuspended(1);

    TestResource.heldWriteRelease.countDown();

    assertThat(running.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
    assertThat(waiting.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
  }

  @Test
  void offByDefault() {
    assertThat(new WriteLimitFactory().handler(new MetricRegistry())).isEmpty();
  }

  private static void assertBusy(HttpResponse<String> answer) {
    JsonNode problem = assertProblem(answer, 503);
    assertThat(problem.path("type").asText()).isEqualTo(ProblemTypes.BUSY);
    assertThat(problem.path("instance").asText()).isEqualTo("/test/held");
    assertThat(answer.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(answer.headers().firstValue(RequestIds.HEADER)).isPresent();
  }

  private static void awaitSuspended(int count) {
    QoSHandler limit = APP.getEnvironment().getApplicationContext().getDescendant(QoSHandler.class);
    assertThat(limit).as("the write limit is installed").isNotNull();
    await()
        .alias("a write waiting for the slot")
        .atMost(Duration.ofSeconds(10))
        .until(() -> limit.getSuspendedRequestCount() >= count);
  }

  private static HttpResponse<String> postHeld() {
    return TestHttp.send(heldRequest());
  }

  private static CompletableFuture<HttpResponse<String>> postHeldAsync() {
    return CompletableFuture.supplyAsync(WriteLimitIT::postHeld);
  }

  private static HttpRequest.Builder heldRequest() {
    return TestHttp.request(url("/test/held")).POST(HttpRequest.BodyPublishers.noBody());
  }

  private static String admin(String path) {
    return "http://127.0.0.1:" + APP.getAdminPort() + path;
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + APP.getLocalPort() + path;
  }
}
