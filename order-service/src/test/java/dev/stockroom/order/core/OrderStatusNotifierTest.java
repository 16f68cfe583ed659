package dev.stockroom.order.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrderStatusNotifierTest {
  final OrderStatusNotifier notifier = new OrderStatusNotifier();
  final UUID order = UUID.randomUUID();

  @Test
  void wakesEveryWaiterOfTheOrderOnce() {
    AtomicInteger woken = new AtomicInteger();
    notifier.onChange(order, woken::incrementAndGet);
    notifier.onChange(order, woken::incrementAndGet);
    notifier.onChange(UUID.randomUUID(), () -> woken.addAndGet(100));

    notifier.changed(order);
    notifier.changed(order);

    assertThat(woken).hasValue(2);
  }

  @Test
  void aClosedSubscriptionIsNotWokenAndLeavesNothingBehind() {
    AtomicInteger woken = new AtomicInteger();
    notifier.onChange(order, woken::incrementAndGet).close();

    notifier.changed(order);

    assertThat(woken).hasValue(0);
    assertThat(notifier.waitedOn()).isEmpty();
  }
}
