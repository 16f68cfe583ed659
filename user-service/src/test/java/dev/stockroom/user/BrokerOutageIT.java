package dev.stockroom.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.devkit.H2Database;
import dev.stockroom.devkit.KafkaBroker;
import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.events.UserRegistered;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker goes away in the middle of registrations and comes back: registration keeps working
 * (it only needs the database), every {@code UserRegistered} still reaches {@code users.v1}, and
 * every new user gets exactly one welcome e-mail.
 */
@ExtendWith(SharedKafka.class)
class BrokerOutageIT {
  private static final TestApps.Dirs DIRS = TestApps.Dirs.create();

  @Order(1)
  @RegisterExtension
  static final H2Database DB = new H2Database();

  @Order(2)
  @RegisterExtension
  static final DropwizardAppExtension<UserServiceConfiguration> APP =
      TestApps.app(DB::jdbcUrl, DB::user, DB::password, DIRS);

  @AfterAll
  static void brokerIsBack() {
    // Later test classes in this JVM share the broker.
    if (!SharedKafka.broker().isRunning()) {
      SharedKafka.broker().restart();
    }
  }

  @Test
  void noRegistrationIsLostWhileTheBrokerIsDown() throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort());
    KafkaBroker broker = SharedKafka.broker();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> emailsById = new HashMap<>();

    register(api, tag, "before", 4, emailsById);
    broker.stop();
    register(api, tag, "during", 4, emailsById);
    ApiClient admin = new ApiClient(APP.getAdminPort());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        json(admin.get("/healthcheck")).path("kafka").path("healthy").asBoolean())
                    .isFalse());
    broker.restart();
    register(api, tag, "after", 4, emailsById);

    List<ConsumerRecord<String, String>> records =
        UsersTopic.readUntil(
            all -> registeredIds(all).containsAll(emailsById.keySet()), Duration.ofSeconds(90));
    assertThat(registeredIds(records)).containsAll(emailsById.keySet());
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              Map<String, Long> mails = mailCounts();
              for (String email : emailsById.values()) {
                assertThat(mails.getOrDefault(email, 0L)).as(email).isEqualTo(1L);
              }
            });
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(admin.get("/healthcheck").statusCode()).isEqualTo(200));
  }

  private static void register(
      ApiClient api, String tag, String phase, int count, Map<String, String> emailsById) {
    for (int i = 0; i < count; i++) {
      String email = phase + i + "." + tag + "@example.com";
      JsonNode user = api.register(email, phase + " " + i);
      emailsById.put(user.path("id").asText(), email);
    }
  }

  private static List<String> registeredIds(List<ConsumerRecord<String, String>> records) {
    List<String> ids = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      if (UserRegistered.TYPE.equals(UsersTopic.typeOf(record))) {
        ids.add(record.key());
      }
    }
    return ids;
  }

  /** Welcome mails per recipient, read from the {@code To:} line of each {@code .eml} file. */
  private static Map<String, Long> mailCounts() throws Exception {
    Map<String, Long> counts = new HashMap<>();
    if (!Files.isDirectory(DIRS.mail())) {
      return counts;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(DIRS.mail())) {
      files = list.filter(p -> p.toString().endsWith(".eml")).toList();
    }
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith("To: ")) {
          counts.merge(line.substring(4).trim(), 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  private static JsonNode json(java.net.http.HttpResponse<String> response) {
    return ApiClient.json(response);
  }
}
