package dev.stockroom.events;

import static dev.stockroom.events.OrderEventsContractTest.KEYBOARD;
import static dev.stockroom.events.OrderEventsContractTest.LINES;
import static dev.stockroom.events.OrderEventsContractTest.MONITOR;
import static dev.stockroom.events.OrderEventsContractTest.ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire format of the decisions on {@code order-status.v1}: the stream processor (producer)
 * and order-service (consumer) both rely on it.
 */
class OrderStatusEventsContractTest {
  static final Instant EXPIRES_AT = Instant.parse("2026-11-28T12:15:00.480Z");

  @Test
  void orderConfirmedWritesExactlyTheFixture() {
    EventEnvelope<OrderConfirmed> envelope =
        new EventEnvelope<>(
            UUID.fromString("5b7a9c1e-6f8b-4d0e-8a5c-7e9f1a3b4c5d"),
            OrderConfirmed.TYPE,
            1,
            Instant.parse("2026-11-28T12:00:00.480Z"),
            ORDER.toString(),
            new OrderConfirmed(ORDER, LINES, EXPIRES_AT));

    assertThat(Fixtures.tree(EventJson.write(envelope)))
        .isEqualTo(Fixtures.tree(Fixtures.text("order-confirmed.json")));
  }

  @Test
  void orderConfirmedFixtureReadsIntoTheRecord() {
    EventEnvelope<OrderConfirmed> envelope =
        EventJson.read(Fixtures.text("order-confirmed.json"), OrderConfirmed.class);

    assertThat(envelope.type()).isEqualTo(OrderConfirmed.TYPE);
    assertThat(envelope.data()).isEqualTo(new OrderConfirmed(ORDER, LINES, EXPIRES_AT));
  }

  @Test
  void orderRejectedCarriesAReasonPerLineAndNullForLinesThatFit() {
    EventEnvelope<OrderRejected> envelope =
        EventJson.read(Fixtures.text("order-rejected.json"), OrderRejected.class);

    assertThat(envelope.type()).isEqualTo(OrderRejected.TYPE);
    assertThat(envelope.data())
        .isEqualTo(
            new OrderRejected(
                ORDER,
                RejectionReason.OUT_OF_STOCK,
                List.of(
                    new RejectedLine(KEYBOARD, 2, null),
                    new RejectedLine(MONITOR, 1, RejectionReason.OUT_OF_STOCK))));
  }

  @Test
  void orderRejectedWritesExactlyTheFixture() {
    String json = Fixtures.text("order-rejected.json");

    assertThat(Fixtures.tree(EventJson.write(EventJson.read(json, OrderRejected.class))))
        .isEqualTo(Fixtures.tree(json));
  }

  @Test
  void anUnknownRejectionReasonIsRejected() {
    String json =
        Fixtures.text("order-rejected.json")
            .replace("\"reason\": \"OUT_OF_STOCK\",", "\"reason\": \"ON_FIRE\",");

    assertThatThrownBy(() -> EventJson.read(json, OrderRejected.class))
        .isInstanceOf(InvalidEventException.class);
  }

  @Test
  void orderReleasedRoundTripsThroughTheFixture() {
    String json = Fixtures.text("order-released.json");
    EventEnvelope<OrderReleased> envelope = EventJson.read(json, OrderReleased.class);

    assertThat(envelope.type()).isEqualTo(OrderReleased.TYPE);
    assertThat(envelope.data()).isEqualTo(new OrderReleased(ORDER, ReleaseCause.EXPIRED));
    assertThat(Fixtures.tree(EventJson.write(envelope))).isEqualTo(Fixtures.tree(json));
  }

  @Test
  void releaseCausesAreExactlyCancelledAndExpired() {
    assertThat(ReleaseCause.values())
        .extracting(Enum::name)
        .containsExactly("CANCELLED", "EXPIRED");
    assertThat(RejectionReason.values())
        .extracting(Enum::name)
        .containsExactly("OUT_OF_STOCK", "UNKNOWN_PRODUCT");
  }
}
