package dev.stockroom.events;

import static dev.stockroom.events.OrderEventsContractTest.KEYBOARD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire format of {@code inventory.v1} (product-service produces, the stream processor
 * consumes) and {@code stock.v1} (the stream processor produces, product-service consumes).
 */
class StockEventsContractTest {

  @Test
  void stockLevelSetFixtureReadsIntoTheRecord() {
    EventEnvelope<StockLevelSet> envelope =
        EventJson.read(Fixtures.text("stock-level-set.json"), StockLevelSet.class);

    assertThat(envelope.type()).isEqualTo(StockLevelSet.TYPE);
    assertThat(envelope.aggregateId()).isEqualTo(KEYBOARD.toString());
    assertThat(envelope.data()).isEqualTo(new StockLevelSet(KEYBOARD, 40, 7));
  }

  @Test
  void stockLevelSetWritesExactlyTheFixture() {
    EventEnvelope<StockLevelSet> envelope =
        new EventEnvelope<>(
            UUID.fromString("4a6f8b0d-5e7a-4c9d-9f4b-6d8e0f2a3b4c"),
            StockLevelSet.TYPE,
            1,
            Instant.parse("2026-11-28T09:30:00Z"),
            KEYBOARD.toString(),
            new StockLevelSet(KEYBOARD, 40, 7));

    assertThat(Fixtures.tree(EventJson.write(envelope)))
        .isEqualTo(Fixtures.tree(Fixtures.text("stock-level-set.json")));
  }

  @Test
  void stockViewRoundTripsThroughTheFixture() {
    String json = Fixtures.text("stock-view.json");
    EventEnvelope<StockView> envelope = EventJson.read(json, StockView.class);

    assertThat(envelope.type()).isEqualTo(StockView.TYPE);
    assertThat(envelope.data()).isEqualTo(new StockView(KEYBOARD, 40, 2, 38, 7));
    assertThat(Fixtures.tree(EventJson.write(envelope))).isEqualTo(Fixtures.tree(json));
  }

  @Test
  void stockSerdeRoundTripsAView() {
    JsonSerde<StockView> serde = JsonSerde.of(StockView.class);
    EventEnvelope<StockView> envelope =
        EventEnvelope.of(StockView.TYPE, KEYBOARD.toString(), new StockView(KEYBOARD, 5, 7, 0, 3));

    byte[] bytes = serde.serializer().serialize(Topics.STOCK, envelope);

    assertThat(serde.deserializer().deserialize(Topics.STOCK, bytes)).isEqualTo(envelope);
  }
}
