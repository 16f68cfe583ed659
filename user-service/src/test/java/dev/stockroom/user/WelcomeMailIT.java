package dev.stockroom.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockroom.devkit.H2Database;
import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventHeaders;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.Topics;
import dev.stockroom.events.UserRegistered;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The welcome-e-mail worker against the real broker: one mail per registration, no more. */
@ExtendWith(SharedKafka.class)
class WelcomeMailIT {
  private static final TestApps.Dirs DIRS = TestApps.Dirs.create();

  @Order(1)
  @RegisterExtension
  static final H2Database DB = new H2Database();

  @Order(2)
  @RegisterExtension
  static final DropwizardAppExtension<UserServiceConfiguration> APP =
      TestApps.app(DB::jdbcUrl, DB::user, DB::password, DIRS);

  @Test
  void aRegistrationGetsExactlyOneWelcomeMail() throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort());
    String email = "welcome." + UUID.randomUUID() + "@example.com";

    api.register(email, "Wendy");

    await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(email).size() == 1);
    MimeMessage mail = mailsTo(email).get(0);
    assertThat(body(mail)).contains("Hello Wendy,");
  }

  @Test
  void theSameEventDeliveredTwiceSendsOneMail() throws Exception {
    String email = "twice." + UUID.randomUUID() + "@example.com";
    UUID userId = UUID.randomUUID();
    EventEnvelope<UserRegistered> event =
        EventEnvelope.of(
            UserRegistered.TYPE, userId.toString(), new UserRegistered(userId, email, "Twice"));

    // What the outbox does after a lost acknowledgement: the same event id, published again.
    List<RecordMetadata> sent = produce(EventJson.write(event), event, 2);

    awaitConsumed(sent.get(1));
    assertThat(mailsTo(email)).hasSize(1);
    assertThat(welcomeMailRows(userId)).isEqualTo(1);
  }

  @Test
  void aMalformedRecordIsSkippedAndLaterRegistrationsStillGetMail() throws Exception {
    produce("{not json", null, 1);
    ApiClient api = new ApiClient(APP.getLocalPort());
    String email = "after-garbage." + UUID.randomUUID() + "@example.com";

    api.register(email, "After");

    await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(email).size() == 1);
  }

  private static List<RecordMetadata> produce(String value, EventEnvelope<?> event, int times)
      throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    List<RecordMetadata> sent = new ArrayList<>();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      for (int i = 0; i < times; i++) {
        String key = event == null ? "garbage" : event.aggregateId();
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.USERS, key, value);
        if (event != null) {
          record
              .headers()
              .add(
                  EventHeaders.EVENT_ID,
                  event.eventId().toString().getBytes(StandardCharsets.UTF_8));
          record
              .headers()
              .add(EventHeaders.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
        }
        sent.add(producer.send(record).get());
      }
    }
    return sent;
  }

  /** Waits until the worker's group has committed past {@code record}: it was handled. */
  private static void awaitConsumed(RecordMetadata record) {
    String group = APP.getConfiguration().getWelcomeMail().getGroupId();
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                OffsetAndMetadata committed =
                    admin
                        .listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .get(partition);
                return committed != null && committed.offset() > record.offset();
              });
    }
  }

  private static List<MimeMessage> mailsTo(String email) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    if (!Files.isDirectory(DIRS.mail())) {
      return found;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(DIRS.mail())) {
      files = list.filter(p -> p.toString().endsWith(".eml")).toList();
    }
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
        if (Arrays.stream(message.getAllRecipients())
            .map(Address::toString)
            .anyMatch(email::equals)) {
          found.add(message);
        }
      }
    }
    return found;
  }

  private static String body(MimeMessage message) {
    try {
      return (String) message.getContent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int welcomeMailRows(UUID userId) {
    return Jdbi.create(DB.jdbcUrl(), DB.user(), DB.password())
        .withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM welcome_mails WHERE user_id = :id")
                    .bind("id", userId)
                    .mapTo(Integer.class)
                    .one());
  }
}
