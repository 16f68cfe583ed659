package dev.stockroom.orderstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.events.StockView;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stock side alone, with the test sending the commands the order side would send. */
class StockSideTest {
  private static final UUID KEYBOARD = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");

  @TempDir Path stateDir;
  private StreamHarness harness;

  @BeforeEach
  void startDriver() {
    harness = StreamHarness.stockSideOnly(stateDir);
    harness.stockLevel(KEYBOARD, 10, 1);
  }

  @AfterEach
  void closeDriver() {
    harness.close();
  }

  @Test
  void aReleaseBehindAReserveGivesTheStockBack() {
    UUID order = UUID.randomUUID();

    harness.command(StockCommand.reserve(order, 0, KEYBOARD, 4));
    harness.command(StockCommand.release(order, 0, KEYBOARD, 4));

    assertThat(harness.views(KEYBOARD)).extracting(StockView::reserved).containsExactly(0L, 4L, 0L);
    assertThat(harness.heldReservations(KEYBOARD)).isZero();
  }

  @Test
  void aSettleKeepsTheStockReservedAndForgetsTheLine() {
    UUID order = UUID.randomUUID();
    harness.command(StockCommand.reserve(order, 0, KEYBOARD, 4));

    harness.command(StockCommand.settle(order, 0, KEYBOARD, 4));
    harness.command(StockCommand.settle(order, 0, KEYBOARD, 4));
    harness.command(StockCommand.settle(UUID.randomUUID(), 0, KEYBOARD, 4));

    assertThat(harness.stock(KEYBOARD).reserved()).isEqualTo(4);
    assertThat(harness.heldReservations(KEYBOARD)).as("the line's record is gone").isZero();
    assertThat(harness.views(KEYBOARD))
        .as("nothing a reader sees changed, so no view went out")
        .extracting(StockView::reserved)
        .containsExactly(0L, 4L);
  }

  @Test
  void aRepeatedReserveHoldsTheStockOnce() {
    UUID order = UUID.randomUUID();

    harness.command(StockCommand.reserve(order, 0, KEYBOARD, 4));
    harness.command(StockCommand.reserve(order, 0, KEYBOARD, 4));

    assertThat(harness.lineResults())
        .as("both answered, so a retried command still gets its answer")
        .containsExactly(
            new LineResult(order, 0, KEYBOARD, 4, LineStatus.RESERVED),
            new LineResult(order, 0, KEYBOARD, 4, LineStatus.RESERVED));
    assertThat(harness.stock(KEYBOARD).reserved()).isEqualTo(4);
    assertThat(harness.views(KEYBOARD)).hasSize(2);
  }

  @Test
  void aProductWithoutAStockLevelIsAnsweredUnknown() {
    UUID order = UUID.randomUUID();
    UUID mouse = UUID.randomUUID();

    harness.command(StockCommand.reserve(order, 2, mouse, 1));

    assertThat(harness.lineResults())
        .containsExactly(new LineResult(order, 2, mouse, 1, LineStatus.UNKNOWN_PRODUCT));
    assertThat(harness.stock(mouse)).isNull();
  }

  @Test
  void aReleaseOfWhatIsNotHeldChangesNothing() {
    UUID order = UUID.randomUUID();
    harness.command(StockCommand.reserve(order, 0, KEYBOARD, 4));

    harness.command(StockCommand.release(order, 1, KEYBOARD, 4));
    harness.command(StockCommand.release(UUID.randomUUID(), 0, KEYBOARD, 4));
    harness.command(StockCommand.release(order, 0, KEYBOARD, 4));
    harness.command(StockCommand.release(order, 0, KEYBOARD, 4));

    assertThat(harness.views(KEYBOARD)).extracting(StockView::reserved).containsExactly(0L, 4L, 0L);
    assertThat(harness.stock(KEYBOARD).reserved()).isZero();
  }

  @Test
  void aLineThatDoesNotFitIsAnsweredOutOfStock() {
    UUID order = UUID.randomUUID();

    harness.command(StockCommand.reserve(order, 0, KEYBOARD, 11));

    assertThat(harness.lineResults())
        .containsExactly(new LineResult(order, 0, KEYBOARD, 11, LineStatus.OUT_OF_STOCK));
    assertThat(harness.stock(KEYBOARD).reserved()).isZero();
    assertThat(harness.views(KEYBOARD)).hasSize(1);
  }
}
