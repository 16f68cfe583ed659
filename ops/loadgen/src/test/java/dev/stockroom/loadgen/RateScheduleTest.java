package dev.stockroom.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateScheduleTest {
  @Test
  void spacesOperationsEvenlyFromTheStart() {
    RateSchedule s = new RateSchedule(1_000, 4);

    assertThat(s.intendedStart(0)).isEqualTo(1_000);
    assertThat(s.intendedStart(1)).isEqualTo(1_000 + 250_000_000L);
    assertThat(s.intendedStart(4)).isEqualTo(1_000 + 1_000_000_000L);
  }

  @Test
  void doesNotDriftWhenTheIntervalIsNotWholeNanoseconds() {
    // 3/s is 333,333,333.33 ns apart: computing from i keeps operation 3000 exactly at 1000 s.
    RateSchedule s = new RateSchedule(0, 3);

    assertThat(s.intendedStart(3_000)).isEqualTo(1_000_000_000_000L);
    assertThat(s.intendedStart(1)).isEqualTo(333_333_333L);
    assertThat(s.intendedStart(2)).isEqualTo(666_666_666L);
  }

  @Test
  void countsTheOperationsDueBeforeTheEnd() {
    RateSchedule s = new RateSchedule(500, 100);

    assertThat(s.countBefore(500 + 1_000_000_000L)).isEqualTo(100);
    assertThat(s.countBefore(500 + 1_000_000_001L)).isEqualTo(101);
    assertThat(s.countBefore(500 + 1)).isEqualTo(1);
    assertThat(s.countBefore(500)).isZero();
    assertThat(s.countBefore(0)).isZero();
    for (long end = 501; end < 500 + 50_000_000L; end += 1_234_567) {
      long n = s.countBefore(end);
      assertThat(s.intendedStart(n - 1)).isLessThan(end);
      assertThat(s.intendedStart(n)).isGreaterThanOrEqualTo(end);
    }
  }

  @Test
  void aRampRaisesTheRateEvenlyThenHoldsIt() {
    // 100/s reached after 10 s: 500 operations in the ramp, then one every 10 ms.
    long ramp = 10_000_000_000L;
    RateSchedule s = new RateSchedule(0, 100, ramp);

    assertThat(s.intendedStart(0)).isZero();
    // A quarter of the ramp's operations are due by half its time (t² growth).
    assertThat(s.intendedStart(125)).isEqualTo(5_000_000_000L);
    assertThat(s.intendedStart(500)).isEqualTo(ramp);
    assertThat(s.intendedStart(600)).isEqualTo(ramp + 1_000_000_000L);
    // In the ramp's last second close to the full rate, in its first far below it.
    assertThat(s.countBefore(ramp) - s.countBefore(ramp - 1_000_000_000L)).isBetween(94L, 96L);
    assertThat(s.countBefore(1_000_000_000L)).isEqualTo(5);
    // After the ramp, the full rate.
    assertThat(s.countBefore(ramp + 2_000_000_000L) - s.countBefore(ramp + 1_000_000_000L))
        .isEqualTo(100);
  }

  @Test
  void aRampsCountAgreesWithItsSchedule() {
    RateSchedule s = new RateSchedule(7, 150, 3_000_000_000L);

    for (long end = 8; end < 6_000_000_000L; end += 9_876_543) {
      long n = s.countBefore(end);
      if (n > 0) {
        assertThat(s.intendedStart(n - 1)).isLessThan(end);
      }
      assertThat(s.intendedStart(n)).isGreaterThanOrEqualTo(end);
      assertThat(s.intendedStart(n + 1)).isGreaterThanOrEqualTo(s.intendedStart(n));
    }
  }

  @Test
  void measuresLatencyFromTheIntendedStart() {
    // Due at 1 s, sent late at 1.4 s, answered at 1.5 s: the user waited 500 ms, not 100 ms.
    assertThat(RateSchedule.latencyMicros(1_000_000_000L, 1_500_000_000L)).isEqualTo(500_000);
    assertThat(RateSchedule.latencyMicros(2_000, 1_000)).isZero();
  }

  @Test
  void refusesARateBelowOne() {
    assertThatThrownBy(() -> new RateSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
