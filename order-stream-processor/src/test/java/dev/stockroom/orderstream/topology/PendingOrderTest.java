package dev.stockroom.orderstream.topology;

import static dev.stockroom.orderstream.topology.StreamHarness.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.events.OrderConfirmed;
import dev.stockroom.events.OrderReleased;
import dev.stockroom.events.ReleaseCause;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens to an order while its lines are still on their way: the order side alone, with the
 * test answering for the stock side, because in the whole topology the test driver answers every
 * line before the next input arrives.
 */
class PendingOrderTest {
  private static final UUID KEYBOARD = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
  private static final UUID MONITOR = UUID.fromString("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e");

  @TempDir Path stateDir;
  private StreamHarness harness;

  @BeforeEach
  void startDriver() {
    harness = StreamHarness.orderSideOnly(stateDir);
  }

  @AfterEach
  void closeDriver() {
    harness.close();
  }

  @Test
  void anOrderSendsOneReserveCommandPerLineKeyedByProduct() {
    UUID order = UUID.randomUUID();

    harness.place(order, line(KEYBOARD, 2), line(MONITOR, 1));

    assertThat(harness.stockCommands())
        .containsExactly(
            StockCommand.reserve(order, 0, KEYBOARD, 2),
            StockCommand.reserve(order, 1, MONITOR, 1));
    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.PENDING);
    assertThat(harness.decisions(order)).isEmpty();
  }

  @Test
  void cancelBeforeTheDecisionReleasesEveryLineAndEndsCancelled() {
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 2), line(MONITOR, 1));
    harness.lineResult(order, 0, KEYBOARD, 2, LineStatus.RESERVED);
    harness.stockCommands();

    harness.cancel(order);

    assertThat(harness.decisions(order))
        .containsExactly(new OrderReleased(order, ReleaseCause.CANCELLED));
    assertThat(harness.stockCommands())
        .as("the reserved line and the one still on its way are both released")
        .containsExactly(
            StockCommand.release(order, 0, KEYBOARD, 2),
            StockCommand.release(order, 1, MONITOR, 1));
    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void aLineReservedAfterTheCancelDoesNotReviveTheOrder() {
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 2), line(MONITOR, 1));
    harness.lineResult(order, 0, KEYBOARD, 2, LineStatus.RESERVED);
    harness.cancel(order);
    harness.stockCommands();

    harness.lineResult(order, 1, MONITOR, 1, LineStatus.RESERVED);

    assertThat(harness.decisions(order))
        .containsExactly(new OrderReleased(order, ReleaseCause.CANCELLED));
    assertThat(harness.stockCommands())
        .as("its release was already sent behind the reserve")
        .isEmpty();
    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void aRejectedLineIsNotReleasedOnCancel() {
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 2), line(MONITOR, 1));
    harness.lineResult(order, 1, MONITOR, 1, LineStatus.OUT_OF_STOCK);
    harness.stockCommands();

    harness.cancel(order);

    assertThat(harness.stockCommands())
        .containsExactly(StockCommand.release(order, 0, KEYBOARD, 2));
  }

  @Test
  void theDecisionWaitsForEveryLine() {
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 2), line(MONITOR, 1));

    harness.lineResult(order, 1, MONITOR, 1, LineStatus.RESERVED);
    assertThat(harness.decisions(order)).isEmpty();
    harness.lineResult(order, 0, KEYBOARD, 2, LineStatus.RESERVED);

    assertThat(harness.decisions(order))
        .containsExactly(
            new OrderConfirmed(
                order,
                List.of(line(KEYBOARD, 2), line(MONITOR, 1)),
                StreamHarness.START.plus(StreamHarness.defaultConfig().reservationTtl())));
  }

  @Test
  void aDuplicateLineResultChangesNothing() {
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 2), line(MONITOR, 1));
    harness.lineResult(order, 0, KEYBOARD, 2, LineStatus.OUT_OF_STOCK);
    harness.lineResult(order, 0, KEYBOARD, 2, LineStatus.RESERVED);

    harness.lineResult(order, 1, MONITOR, 1, LineStatus.RESERVED);

    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(harness.stockCommands())
        .endsWith(StockCommand.release(order, 1, MONITOR, 1))
        .doesNotContain(StockCommand.release(order, 0, KEYBOARD, 2));
  }

  @Test
  void paymentWhileUndecidedConfirmsStraightToPaidWithoutADeadline() {
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 2));
    harness.pay(order);

    harness.lineResult(order, 0, KEYBOARD, 2, LineStatus.RESERVED);

    assertThat(harness.decisions(order))
        .containsExactly(new OrderConfirmed(order, List.of(line(KEYBOARD, 2)), null));
    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.PAID);
    assertThat(harness.order(order).expiresAt()).isNull();
  }

  @Test
  void orderExpiredWhileUndecidedReleasesEveryLineAndEndsExpired() {
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 2), line(MONITOR, 1));
    harness.lineResult(order, 0, KEYBOARD, 2, LineStatus.RESERVED);
    harness.stockCommands();

    harness.expire(order);

    assertThat(harness.decisions(order))
        .containsExactly(new OrderReleased(order, ReleaseCause.EXPIRED));
    assertThat(harness.stockCommands())
        .containsExactly(
            StockCommand.release(order, 0, KEYBOARD, 2),
            StockCommand.release(order, 1, MONITOR, 1));
    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.EXPIRED);
  }
}
