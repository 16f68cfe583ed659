package dev.stockroom.user;

import static dev.stockroom.user.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.devkit.H2Database;
import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.platform.errors.ProblemTypes;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Over real HTTP: with one hash at a time and no waiting, a burst of registrations gets 503 busy
 * problems with {@code Retry-After} for those that found the slot taken, and each of those created
 * nothing; the rest registered.
 */
@ExtendWith(SharedKafka.class)
class PasswordHashingBusyIT {
  private static final int BURST = 8;

  @Order(1)
  @RegisterExtension
  static final H2Database DB = new H2Database();

  // A 64 MiB hash takes long enough that the burst's requests overlap.
  @Order(2)
  @RegisterExtension
  static final DropwizardAppExtension<UserServiceConfiguration> APP =
      TestApps.app(
          DB::jdbcUrl,
          DB::user,
          DB::password,
          TestApps.Dirs.create(),
          Map.of(
              "passwords.maxConcurrent", "1",
              "passwords.maxWait", "0s",
              "passwords.memoryKib", "65536",
              "passwords.iterations", "2"));

  @Test
  void registrationsBeyondTheHashingSlotsGetA503AndChangeNothing() throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort());
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      emails.add("busy-" + UUID.randomUUID() + "@example.com");
    }
    ExecutorService pool = Executors.newFixedThreadPool(BURST);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (String email : emails) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.post(
                      "/api/v1/users", ApiClient.registration(email, ApiClient.PASSWORD, "Busy"));
                }));
      }
      start.countDown();
      List<HttpResponse<String>> registrations = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        registrations.add(answer.get());
      }
      // Logins hash too, so they wait until the whole burst has been answered.
      int busy = 0;
      for (int i = 0; i < BURST; i++) {
        HttpResponse<String> answer = registrations.get(i);
        if (answer.statusCode() == 503) {
          busy++;
          JsonNode problem = assertProblem(answer, 503);
          assertThat(problem.path("type").asText()).isEqualTo(ProblemTypes.BUSY);
          assertThat(answer.headers().firstValue("Retry-After")).isPresent();
          HttpResponse<String> login =
              api.post(
                  "/api/v1/auth/token", ApiClient.credentials(emails.get(i), ApiClient.PASSWORD));
          assertThat(login.statusCode()).as("no account was created").isEqualTo(401);
        } else {
          assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        }
      }
      assertThat(busy).as("registrations that found the one slot taken").isPositive();
      assertThat(busy).as("at least one registration got the slot").isLessThan(BURST);
    } finally {
      pool.shutdownNow();
    }
  }
}
