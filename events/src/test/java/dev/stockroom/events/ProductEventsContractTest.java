package dev.stockroom.events;

import static dev.stockroom.events.OrderEventsContractTest.KEYBOARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire format of {@code products.v1}: product-service produces it, order-service keeps its
 * replica of prices from it.
 */
class ProductEventsContractTest {
  private static final ProductUpserted KEYBOARD_V3 =
      new ProductUpserted(
          KEYBOARD,
          "KB-87-BLK",
          "Mechanical keyboard",
          "Tenkeyless, brown switches.",
          1299,
          "EUR",
          true,
          3,
          Instant.parse("2026-11-28T09:00:00.125Z"));

  @Test
  void productUpsertedFixtureReadsIntoTheRecord() {
    EventEnvelope<ProductUpserted> envelope =
        EventJson.read(Fixtures.text("product-upserted.json"), ProductUpserted.class);

    assertThat(envelope.type()).isEqualTo(ProductUpserted.TYPE);
    assertThat(envelope.aggregateId()).isEqualTo(KEYBOARD.toString());
    assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2026-11-28T09:00:00.125Z"));
    assertThat(envelope.data()).isEqualTo(KEYBOARD_V3);
  }

  @Test
  void productUpsertedWritesExactlyTheFixture() {
    EventEnvelope<ProductUpserted> envelope =
        new EventEnvelope<>(
            UUID.fromString("3c5e7a9b-1d2f-4a6b-8c0d-2e4f6a8b0c1d"),
            ProductUpserted.TYPE,
            1,
            Instant.parse("2026-11-28T09:00:00.125Z"),
            KEYBOARD.toString(),
            KEYBOARD_V3);

    assertThat(Fixtures.tree(EventJson.write(envelope)))
        .isEqualTo(Fixtures.tree(Fixtures.text("product-upserted.json")));
  }

  @Test
  void aNullDescriptionIsWrittenAsNullAndReadBack() {
    ProductUpserted bare =
        new ProductUpserted(
            KEYBOARD,
            "KB",
            "Keyboard",
            null,
            0,
            "JPY",
            false,
            1,
            Instant.parse("2026-01-01T00:00:00Z"));
    EventEnvelope<ProductUpserted> envelope =
        EventEnvelope.of(ProductUpserted.TYPE, KEYBOARD.toString(), bare);

    assertThat(EventJson.read(EventJson.write(envelope), ProductUpserted.class).data())
        .isEqualTo(bare);
  }

  @Test
  void productDiscontinuedRoundTripsThroughTheFixture() {
    String json = Fixtures.text("product-discontinued.json");
    EventEnvelope<ProductDiscontinued> envelope = EventJson.read(json, ProductDiscontinued.class);

    assertThat(envelope.type()).isEqualTo(ProductDiscontinued.TYPE);
    assertThat(envelope.aggregateId()).isEqualTo(KEYBOARD.toString());
    assertThat(envelope.data()).isEqualTo(new ProductDiscontinued(KEYBOARD, 4));
    assertThat(Fixtures.tree(EventJson.write(envelope))).isEqualTo(Fixtures.tree(json));
  }

  @Test
  void consumersRouteOnTheTypeBeforeChoosingTheRecord() {
    assertThat(EventJson.typeOf(Fixtures.text("product-upserted.json")))
        .isEqualTo(ProductUpserted.TYPE);
    assertThat(EventJson.typeOf(Fixtures.text("product-discontinued.json")))
        .isEqualTo(ProductDiscontinued.TYPE);
  }

  @Test
  void aSnapshotWithoutItsPriceIsRejected() {
    String json = Fixtures.text("product-upserted.json").replace("\"priceMinor\": 1299,", "");

    assertThatThrownBy(() -> EventJson.read(json, ProductUpserted.class))
        .isInstanceOf(InvalidEventException.class);
  }

  @Test
  void serdeRoundTripsASnapshot() {
    JsonSerde<ProductUpserted> serde = JsonSerde.of(ProductUpserted.class);
    EventEnvelope<ProductUpserted> envelope =
        EventEnvelope.of(ProductUpserted.TYPE, KEYBOARD.toString(), KEYBOARD_V3);

    byte[] bytes = serde.serializer().serialize(Topics.PRODUCTS, envelope);

    assertThat(serde.deserializer().deserialize(Topics.PRODUCTS, bytes)).isEqualTo(envelope);
  }
}
