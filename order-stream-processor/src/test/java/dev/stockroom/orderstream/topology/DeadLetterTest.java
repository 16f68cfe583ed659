package dev.stockroom.orderstream.topology;

import static dev.stockroom.orderstream.topology.StreamHarness.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.OrderConfirmed;
import dev.stockroom.events.OrderExpired;
import dev.stockroom.events.OrderLine;
import dev.stockroom.events.OrderPaid;
import dev.stockroom.events.OrderPlaced;
import dev.stockroom.events.StockLevelSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A record that cannot be read or breaks the contract goes to the dead-letter topic with the reason
 * in headers, is counted, and the records behind it are still processed.
 */
class DeadLetterTest {
  private static final UUID KEYBOARD = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
  private static final UUID ORDER = UUID.fromString("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9");

  @TempDir Path stateDir;
  private StreamHarness harness;

  @BeforeEach
  void startDriver() {
    harness = StreamHarness.whole(stateDir);
    harness.stockLevel(KEYBOARD, 10, 1);
  }

  @AfterEach
  void closeDriver() {
    harness.close();
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextOrderIsStillDecided() {
    byte[] key = ORDER.toString().getBytes(StandardCharsets.UTF_8);
    byte[] poison = {(byte) 0xff, '{', 'n', 'o', 't'};

    harness.pipeRawOrder(key, poison);
    harness.place(ORDER, line(KEYBOARD, 1));

    List<TestRecord<byte[], byte[]>> dead = harness.deadLetters();
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).key()).isEqualTo(key);
    assertThat(dead.get(0).value()).as("kept byte for byte").isEqualTo(poison);
    assertThat(header(dead.get(0), DeadLetterHeaders.REASON)).startsWith("not JSON");
    assertThat(header(dead.get(0), DeadLetterHeaders.SOURCE_TOPIC))
        .isEqualTo(harness.config.ordersTopic());
    assertThat(header(dead.get(0), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(header(dead.get(0), DeadLetterHeaders.PROCESSOR))
        .isEqualTo(OrderTopology.ORDER_PROCESSOR);
    assertThat(harness.deadLetterCount(OrderTopology.ORDER_PROCESSOR)).isEqualTo(1.0);
    assertThat(harness.decisions(ORDER)).first().isInstanceOf(OrderConfirmed.class);
  }

  @Test
  void aPoisonInventoryRecordIsCountedOnTheStockSide() {
    harness.pipeRawInventory(KEYBOARD.toString().getBytes(StandardCharsets.UTF_8), null);
    harness.stockLevel(KEYBOARD, 20, 2);

    assertThat(harness.deadLetters()).hasSize(1);
    assertThat(header(harness.deadLetters().get(0), DeadLetterHeaders.REASON))
        .isEqualTo("null value");
    assertThat(harness.deadLetterCount(OrderTopology.STOCK_PROCESSOR)).isEqualTo(1.0);
    assertThat(harness.deadLetterCount(OrderTopology.ORDER_PROCESSOR)).isZero();
    assertThat(harness.lastView(KEYBOARD).onHand()).isEqualTo(20);
  }

  static Stream<Arguments> contractViolations() {
    return Stream.of(
        Arguments.of(
            "a line with quantity 0",
            placed(List.of(line(KEYBOARD, 0))),
            "line quantity must be positive"),
        Arguments.of("an order without lines", placed(List.of()), "at least one line"),
        Arguments.of(
            "a negative price",
            placed(List.of(new OrderLine(KEYBOARD, 1, -5))),
            "unit price must not be negative"),
        Arguments.of(
            "a key that is another order",
            envelope(
                OrderPlaced.TYPE,
                new OrderPlaced(
                    UUID.randomUUID(),
                    StreamHarness.CUSTOMER,
                    List.of(line(KEYBOARD, 1)),
                    100,
                    "EUR")),
            "same order"),
        Arguments.of(
            "an unknown event type",
            envelope("OrderShipped", placedData(List.of())),
            "unknown event type OrderShipped"),
        Arguments.of(
            "an envelope without data",
            "{\"eventId\":\""
                + UUID.randomUUID()
                + "\",\"type\":\"OrderPlaced\",\"version\":1,"
                + "\"occurredAt\":\"2026-11-28T12:00:00Z\",\"aggregateId\":\""
                + ORDER
                + "\"}",
            "not a valid OrderPlaced envelope"),
        Arguments.of(
            "a payment for an order never placed",
            envelope(
                OrderPaid.TYPE,
                new OrderPaid(ORDER, StreamHarness.CUSTOMER, UUID.randomUUID(), 100, "EUR")),
            "no order"),
        Arguments.of(
            "an expiry for an order never placed",
            envelope(OrderExpired.TYPE, new OrderExpired(ORDER, StreamHarness.CUSTOMER)),
            "no order"),
        Arguments.of(
            "an expiry whose orderId is another order",
            envelope(
                OrderExpired.TYPE, new OrderExpired(UUID.randomUUID(), StreamHarness.CUSTOMER)),
            "same order"),
        Arguments.of(
            "a lowercase currency",
            envelope(
                OrderPlaced.TYPE,
                new OrderPlaced(
                    ORDER, StreamHarness.CUSTOMER, List.of(line(KEYBOARD, 1)), 100, "eur")),
            "ISO 4217"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contractViolations")
  void anOrderEventThatBreaksTheContractIsDeadLettered(
      String description, String json, String reason) {
    harness.pipeOrder(ORDER.toString(), json);

    assertThat(harness.deadLetters()).hasSize(1);
    assertThat(header(harness.deadLetters().get(0), DeadLetterHeaders.REASON)).contains(reason);
    assertThat(harness.deadLetterCount(OrderTopology.ORDER_PROCESSOR)).isEqualTo(1.0);
    assertThat(harness.lastView(KEYBOARD).reserved()).isZero();
    assertThat(harness.allDecisions()).isEmpty();
  }

  @Test
  void aNegativeOnHandIsDeadLettered() {
    harness.pipeInventory(
        KEYBOARD.toString(),
        EventJson.write(
            EventEnvelope.of(
                StockLevelSet.TYPE, KEYBOARD.toString(), new StockLevelSet(KEYBOARD, -1, 9))));

    assertThat(header(harness.deadLetters().get(0), DeadLetterHeaders.REASON))
        .isEqualTo("onHand must not be negative, was -1");
    assertThat(harness.lastView(KEYBOARD).onHand()).isEqualTo(10);
  }

  @Test
  void aPaymentThatDoesNotMatchTheTotalIsDeadLetteredAndTheOrderStillExpires() {
    harness.place(ORDER, line(KEYBOARD, 2));

    harness.pipeOrder(
        ORDER.toString(),
        envelope(
            OrderPaid.TYPE,
            new OrderPaid(ORDER, StreamHarness.CUSTOMER, UUID.randomUUID(), 1, "EUR")));

    assertThat(header(harness.deadLetters().get(0), DeadLetterHeaders.REASON))
        .isEqualTo("payment of 1 EUR does not match the order total 200 EUR");
    assertThat(harness.order(ORDER).status()).isEqualTo(OrderStatus.CONFIRMED);
  }

  @Test
  void aRecordWithoutKeyIsDeadLettered() {
    harness.pipeRawOrder(null, placed(List.of(line(KEYBOARD, 1))).getBytes(StandardCharsets.UTF_8));

    assertThat(header(harness.deadLetters().get(0), DeadLetterHeaders.REASON))
        .isEqualTo("null key");
    assertThat(harness.deadLetters().get(0).key()).isNull();
  }

  private static String placed(List<OrderLine> lines) {
    return envelope(OrderPlaced.TYPE, placedData(lines));
  }

  private static OrderPlaced placedData(List<OrderLine> lines) {
    return new OrderPlaced(ORDER, StreamHarness.CUSTOMER, lines, 100, "EUR");
  }

  private static String envelope(String type, Object data) {
    return EventJson.write(EventEnvelope.of(type, ORDER.toString(), data));
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
