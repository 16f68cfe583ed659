package dev.stockroom.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pins the wire format of the user events: producers and consumers both run this. */
class UserEventsContractTest {
  private static final UUID USER = UUID.fromString("0b8f1e2d-3c4a-4b5c-9d6e-7f8091a2b3c4");

  @Test
  void userRegisteredFixtureReadsIntoTheRecord() throws IOException {
    EventEnvelope<UserRegistered> envelope =
        EventJson.read(fixture("user-registered.json"), UserRegistered.class);

    assertThat(envelope.eventId())
        .isEqualTo(UUID.fromString("6f1c2a4e-9b7d-4e7a-8a51-0d2f3c4b5a61"));
    assertThat(envelope.type()).isEqualTo(UserRegistered.TYPE);
    assertThat(envelope.version()).isEqualTo(1);
    assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2026-11-28T10:15:30.123Z"));
    assertThat(envelope.aggregateId()).isEqualTo(USER.toString());
    assertThat(envelope.data())
        .isEqualTo(new UserRegistered(USER, "ada@example.com", "Ada Lovelace"));
  }

  @Test
  void userRegisteredWritesExactlyTheFixture() throws IOException {
    EventEnvelope<UserRegistered> envelope =
        new EventEnvelope<>(
            UUID.fromString("6f1c2a4e-9b7d-4e7a-8a51-0d2f3c4b5a61"),
            UserRegistered.TYPE,
            1,
            Instant.parse("2026-11-28T10:15:30.123Z"),
            USER.toString(),
            new UserRegistered(USER, "ada@example.com", "Ada Lovelace"));

    assertThat(tree(EventJson.write(envelope))).isEqualTo(tree(fixture("user-registered.json")));
  }

  @Test
  void userUpdatedRoundTripsThroughTheFixture() throws IOException {
    String json = fixture("user-updated.json");
    EventEnvelope<UserUpdated> envelope = EventJson.read(json, UserUpdated.class);

    assertThat(envelope.data().roles()).containsExactly("customer", "admin");
    assertThat(envelope.data().displayName()).isEqualTo("Countess Lovelace");
    assertThat(tree(EventJson.write(envelope))).isEqualTo(tree(json));
  }

  @Test
  void unknownFieldsFromANewerProducerAreIgnored() throws IOException {
    String json =
        fixture("user-registered.json").replace("\"version\": 1,", "\"version\": 1, \"extra\": 7,");

    assertThat(EventJson.read(json, UserRegistered.class).data().email())
        .isEqualTo("ada@example.com");
  }

  @Test
  void envelopeWithoutEventIdIsRejected() throws IOException {
    String json =
        fixture("user-registered.json")
            .replace("\"eventId\": \"6f1c2a4e-9b7d-4e7a-8a51-0d2f3c4b5a61\",", "");

    assertThatThrownBy(() -> EventJson.read(json, UserRegistered.class))
        .isInstanceOf(InvalidEventException.class);
  }

  @Test
  void garbageIsRejectedWithInvalidEventException() {
    assertThatThrownBy(() -> EventJson.read("{not json", UserRegistered.class))
        .isInstanceOf(InvalidEventException.class);
    assertThatThrownBy(() -> EventJson.typeOf("[1,2]")).isInstanceOf(InvalidEventException.class);
  }

  @Test
  void typeIsReadableWithoutKnowingTheDataClass() throws IOException {
    assertThat(EventJson.typeOf(fixture("user-updated.json"))).isEqualTo(UserUpdated.TYPE);
  }

  @Test
  void serdeRoundTripsAnEnvelope() {
    JsonSerde<UserUpdated> serde = JsonSerde.of(UserUpdated.class);
    EventEnvelope<UserUpdated> envelope =
        EventEnvelope.of(
            UserUpdated.TYPE, USER.toString(), new UserUpdated(USER, "Ada", List.of("customer")));

    byte[] bytes = serde.serializer().serialize(Topics.USERS, envelope);

    assertThat(serde.deserializer().deserialize(Topics.USERS, bytes)).isEqualTo(envelope);
    assertThat(serde.deserializer().deserialize(Topics.USERS, null)).isNull();
  }

  @Test
  void newEnvelopesHaveDistinctIdsAndMillisecondTimes() {
    EventEnvelope<UserRegistered> a =
        EventEnvelope.of(UserRegistered.TYPE, "a", new UserRegistered(USER, "a@b.c", "A"));
    EventEnvelope<UserRegistered> b =
        EventEnvelope.of(UserRegistered.TYPE, "a", new UserRegistered(USER, "a@b.c", "A"));

    assertThat(a.eventId()).isNotEqualTo(b.eventId());
    assertThat(a.occurredAt().getNano() % 1_000_000).isZero();
  }

  private static JsonNode tree(String json) throws IOException {
    return EventJson.mapper().readTree(json);
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = UserEventsContractTest.class.getResourceAsStream("/fixtures/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
