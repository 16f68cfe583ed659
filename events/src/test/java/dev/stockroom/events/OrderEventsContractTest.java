package dev.stockroom.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire format of the order events on {@code orders.v1}: order-service (producer) and the
 * stream processor (consumer) both rely on it.
 */
class OrderEventsContractTest {
  static final UUID ORDER = UUID.fromString("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9");
  static final UUID USER = UUID.fromString("0b8f1e2d-3c4a-4b5c-9d6e-7f8091a2b3c4");
  static final UUID KEYBOARD = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
  static final UUID MONITOR = UUID.fromString("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e");
  static final List<OrderLine> LINES =
      List.of(new OrderLine(KEYBOARD, 2, 1299), new OrderLine(MONITOR, 1, 4500));

  @Test
  void orderPlacedFixtureReadsIntoTheRecord() {
    EventEnvelope<OrderPlaced> envelope =
        EventJson.read(Fixtures.text("order-placed.json"), OrderPlaced.class);

    assertThat(envelope.type()).isEqualTo(OrderPlaced.TYPE);
    assertThat(envelope.aggregateId()).isEqualTo(ORDER.toString());
    assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2026-11-28T12:00:00.250Z"));
    assertThat(envelope.data()).isEqualTo(new OrderPlaced(ORDER, USER, LINES, 7098, "EUR"));
  }

  @Test
  void orderPlacedWritesExactlyTheFixture() {
    EventEnvelope<OrderPlaced> envelope =
        new EventEnvelope<>(
            UUID.fromString("1d3c5e7a-2b4d-4f6a-8c1e-3a5b7c9d0e1f"),
            OrderPlaced.TYPE,
            1,
            Instant.parse("2026-11-28T12:00:00.250Z"),
            ORDER.toString(),
            new OrderPlaced(ORDER, USER, LINES, 7098, "EUR"));

    assertThat(Fixtures.tree(EventJson.write(envelope)))
        .isEqualTo(Fixtures.tree(Fixtures.text("order-placed.json")));
  }

  @Test
  void fractionalQuantityIsAContractViolationNotATruncation() {
    String json =
        Fixtures.text("order-placed.json").replaceFirst("\"quantity\": 2,", "\"quantity\": 2.5,");

    assertThatThrownBy(() -> EventJson.read(json, OrderPlaced.class))
        .isInstanceOf(InvalidEventException.class);
  }

  @Test
  void orderCancelledRoundTripsThroughTheFixture() {
    String json = Fixtures.text("order-cancelled.json");
    EventEnvelope<OrderCancelled> envelope = EventJson.read(json, OrderCancelled.class);

    assertThat(envelope.type()).isEqualTo(OrderCancelled.TYPE);
    assertThat(envelope.data()).isEqualTo(new OrderCancelled(ORDER, USER));
    assertThat(Fixtures.tree(EventJson.write(envelope))).isEqualTo(Fixtures.tree(json));
  }

  @Test
  void orderPaidRoundTripsThroughTheFixture() {
    String json = Fixtures.text("order-paid.json");
    EventEnvelope<OrderPaid> envelope = EventJson.read(json, OrderPaid.class);

    assertThat(envelope.type()).isEqualTo(OrderPaid.TYPE);
    assertThat(envelope.data())
        .isEqualTo(
            new OrderPaid(
                ORDER, USER, UUID.fromString("c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f"), 7098, "EUR"));
    assertThat(Fixtures.tree(EventJson.write(envelope))).isEqualTo(Fixtures.tree(json));
  }

  @Test
  void orderExpiredRoundTripsThroughTheFixture() {
    String json = Fixtures.text("order-expired.json");
    EventEnvelope<OrderExpired> envelope = EventJson.read(json, OrderExpired.class);

    assertThat(envelope.type()).isEqualTo(OrderExpired.TYPE);
    assertThat(envelope.data()).isEqualTo(new OrderExpired(ORDER, USER));
    assertThat(Fixtures.tree(EventJson.write(envelope))).isEqualTo(Fixtures.tree(json));
  }

  @Test
  void orderTypesAreRoutableBeforeChoosingADataClass() {
    assertThat(EventJson.typeOf(Fixtures.text("order-placed.json"))).isEqualTo(OrderPlaced.TYPE);
    assertThat(EventJson.typeOf(Fixtures.text("order-cancelled.json")))
        .isEqualTo(OrderCancelled.TYPE);
    assertThat(EventJson.typeOf(Fixtures.text("order-paid.json"))).isEqualTo(OrderPaid.TYPE);
    assertThat(EventJson.typeOf(Fixtures.text("order-expired.json"))).isEqualTo(OrderExpired.TYPE);
  }

  @Test
  void orderPlacedWithoutLinesReadsAsAnEmptyList() {
    String json = Fixtures.text("order-placed.json").replaceAll("(?s)\"lines\": \\[.*?\\],", "");

    assertThat(EventJson.read(json, OrderPlaced.class).data().lines()).isEmpty();
  }

  @Test
  void orderPlacedWithANullLineIsRejected() {
    String json =
        Fixtures.text("order-placed.json")
            .replaceAll("(?s)\"lines\": \\[.*?\\],", "\"lines\": [null],");

    assertThatThrownBy(() -> EventJson.read(json, OrderPlaced.class))
        .isInstanceOf(InvalidEventException.class);
  }

  @Test
  void linesAreCopiedSoTheEventCannotChangeAfterwards() {
    List<OrderLine> lines = new ArrayList<>(LINES);
    OrderPlaced placed = new OrderPlaced(ORDER, USER, lines, 7098, "EUR");

    lines.clear();

    assertThat(placed.lines()).hasSize(2);
  }
}
