package dev.stockroom.order.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.devkit.MutableClock;
import dev.stockroom.platform.auth.AuthenticatedUser;
import dev.stockroom.platform.errors.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The payment deadline of a CONFIRMED order: enforced on payment, and by expiring the order. */
class PaymentDeadlineTest {
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  static final Duration TO_PAY = Duration.ofMinutes(15);

  final InMemoryOrderStore store = new InMemoryOrderStore();
  final MutableClock clock = new MutableClock(START);
  final OrderService service =
      new OrderService(
          store,
          new SandboxPaymentGateway(),
          new OrderStatusNotifier(),
          PendingOrderLimit.off(store),
          Duration.ofHours(1),
          clock);
  final AuthenticatedUser alice = new AuthenticatedUser(UUID.randomUUID(), Set.of("customer"));
  final UUID mug = UUID.randomUUID();

  @BeforeEach
  void replica() {
    store.products.put(mug, new Product(mug, 1250L, "EUR", true, 1));
  }

  UUID confirmed(Instant deadline) {
    UUID id =
        service.place(alice, List.of(new RequestedLine(mug, 1)), null, o -> "{}").resourceId();
    service.applyStatus(
        "test",
        new StatusChange(UUID.randomUUID(), id, OrderStatus.CONFIRMED, null, Map.of(), deadline));
    return id;
  }

  StoredResponse pay(UUID id, String key) {
    return service.pay(alice, id, "tok_visa", key, (o, p) -> o.status().name());
  }

  Order order(UUID id) {
    return store.find(id).orElseThrow();
  }

  @Test
  void aConfirmationKeepsItsDeadlineAndLeavingConfirmedClearsIt() {
    UUID id = confirmed(START.plus(TO_PAY));

    assertThat(order(id).expiresAt()).isEqualTo(START.plus(TO_PAY));
    pay(id, "k");
    assertThat(order(id).status()).isEqualTo(OrderStatus.PAID);
    assertThat(order(id).expiresAt()).isNull();
  }

  @Test
  void paymentUpToTheDeadlineIsTaken() {
    UUID id = confirmed(START.plus(TO_PAY));
    clock.advance(TO_PAY.minusMillis(1));

    assertThat(pay(id, "k").body()).isEqualTo("PAID");
    assertThat(store.events).contains("OrderPaid:" + id);
  }

  @Test
  void paymentAtOrAfterTheDeadlineIs409AndChargesNothing() {
    UUID id = confirmed(START.plus(TO_PAY));
    clock.advance(TO_PAY);

    assertThatThrownBy(() -> pay(id, "k"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("expired")
        .satisfies(
            e ->
                assertThat(((ConflictException) e).extensions())
                    .as("the deadline as a problem member")
                    .containsEntry("expiresAt", START.plus(TO_PAY).toString()));
    assertThat(store.payments).isEmpty();
    assertThat(order(id).status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(store.events).doesNotContain("OrderPaid:" + id);
  }

  @Test
  void overdueOrdersExpireAndEmitOrderExpiredOnce() {
    UUID overdue = confirmed(START.plus(TO_PAY));
    UUID notYet = confirmed(START.plus(TO_PAY).plusSeconds(1));
    UUID paid = confirmed(START.plus(TO_PAY));
    pay(paid, "k");
    clock.advance(TO_PAY);

    assertThat(service.expireUnpaid(100)).isEqualTo(1);
    assertThat(service.expireUnpaid(100)).as("a second sweep finds nothing").isZero();

    Order expired = order(overdue);
    assertThat(expired.status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(expired.expiresAt()).isNull();
    assertThat(expired.version()).isEqualTo(3);
    assertThat(store.events).containsOnlyOnce("OrderExpired:" + overdue);
    assertThat(order(notYet).status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(order(paid).status()).isEqualTo(OrderStatus.PAID);
    assertThat(store.events).doesNotContain("OrderExpired:" + notYet, "OrderExpired:" + paid);
  }

  @Test
  void anOrderConfirmedWithoutADeadlineNeverExpires() {
    UUID id = confirmed(null);
    clock.advance(Duration.ofDays(365));

    assertThat(service.expireUnpaid(100)).isZero();
    assertThat(pay(id, "k").body()).isEqualTo("PAID");
  }

  @Test
  void theSweeperWorksThroughEveryOverdueOrderInBatches() {
    List<UUID> overdue =
        List.of(
            confirmed(START.plusSeconds(1)),
            confirmed(START.plusSeconds(2)),
            confirmed(START.plusSeconds(3)),
            confirmed(START.plusSeconds(4)),
            confirmed(START.plusSeconds(5)));
    clock.advance(Duration.ofSeconds(5));

    new UnpaidOrderSweeper(service, 2).run();

    assertThat(overdue)
        .allSatisfy(id -> assertThat(order(id).status()).isEqualTo(OrderStatus.EXPIRED));
  }

  @Test
  void anExpiredOrderCannotBePaidOrExpiredAgainAndTheProcessorsReleaseChangesNothing() {
    UUID id = confirmed(START.plus(TO_PAY));
    clock.advance(TO_PAY);
    service.expireUnpaid(100);

    assertThatThrownBy(() -> pay(id, "k")).isInstanceOf(ConflictException.class);
    boolean changed =
        service.applyStatus(
            "test",
            new StatusChange(UUID.randomUUID(), id, OrderStatus.EXPIRED, null, Map.of(), null));
    assertThat(changed).as("the processor's OrderReleased answer").isFalse();
    assertThat(order(id).version()).isEqualTo(3);
  }
}
