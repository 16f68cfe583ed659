package dev.stockroom.order.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.platform.auth.AuthenticatedUser;
import dev.stockroom.platform.errors.ConflictException;
import dev.stockroom.platform.errors.ForbiddenException;
import dev.stockroom.platform.errors.PreconditionFailedException;
import dev.stockroom.platform.errors.PreconditionRequiredException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderServiceTest {
  final InMemoryOrderStore store = new InMemoryOrderStore();
  final OrderStatusNotifier notifier = new OrderStatusNotifier();
  final OrderService service =
      new OrderService(
          store,
          new SandboxPaymentGateway(),
          notifier,
          PendingOrderLimit.off(store),
          Duration.ofHours(1),
          Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
  final AuthenticatedUser alice = new AuthenticatedUser(UUID.randomUUID(), Set.of("customer"));
  final AuthenticatedUser bob = new AuthenticatedUser(UUID.randomUUID(), Set.of("customer"));
  final AuthenticatedUser admin = new AuthenticatedUser(UUID.randomUUID(), Set.of("admin"));
  final UUID mug = UUID.randomUUID();

  @BeforeEach
  void replica() {
    store.products.put(mug, new Product(mug, 1250L, "EUR", true, 1));
  }

  UUID place() {
    return service.place(alice, List.of(new RequestedLine(mug, 2)), null, o -> "{}").resourceId();
  }

  UUID inStatus(OrderStatus status) {
    UUID id = place();
    switch (status) {
      case PENDING -> {}
      case PAID -> {
        decide(id, OrderStatus.CONFIRMED);
        pay(id, "tok_visa", "k-" + id);
      }
      case EXPIRED, CANCELLED -> {
        decide(id, OrderStatus.CONFIRMED);
        decide(id, status);
      }
      default -> decide(id, status);
    }
    assertThat(store.find(id).orElseThrow().status()).isEqualTo(status);
    return id;
  }

  boolean decide(UUID id, OrderStatus next) {
    return service.applyStatus(
        "test", new StatusChange(UUID.randomUUID(), id, next, null, Map.of(), null));
  }

  StoredResponse pay(UUID id, String card, String key) {
    return service.pay(alice, id, card, key, (o, p) -> o.status() + ":" + p.amountMinor());
  }

  @Test
  void placesAPendingOrderAndItsEvent() {
    UUID id = place();

    Order order = store.find(id).orElseThrow();
    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(order.totalMinor()).isEqualTo(2500);
    assertThat(store.events).containsExactly("OrderPlaced:" + id);
  }

  @Test
  void replaysTheFirstResponseForTheSameKey() {
    AtomicInteger renders = new AtomicInteger();
    StoredResponse first =
        service.place(
            alice,
            List.of(new RequestedLine(mug, 2)),
            "k",
            o -> "body-" + renders.incrementAndGet());
    StoredResponse again =
        service.place(
            alice,
            List.of(new RequestedLine(mug, 2)),
            "k",
            o -> "body-" + renders.incrementAndGet());

    assertThat(again.replayed()).isTrue();
    assertThat(again.body()).isEqualTo(first.body()).isEqualTo("body-1");
    assertThat(store.orders).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = OrderStatus.class,
      names = {"PENDING", "CONFIRMED"})
  void cancelsPendingAndConfirmedOrders(OrderStatus status) {
    UUID id = inStatus(status);
    AtomicInteger woken = new AtomicInteger();
    notifier.onChange(id, woken::incrementAndGet);

    Order cancelled = service.cancel(alice, id, OptionalLong.empty());

    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(store.events).contains("OrderCancelled:" + id);
    assertThat(woken).hasValue(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = OrderStatus.class,
      names = {"PAID", "REJECTED", "EXPIRED"})
  void refusesToCancelFinishedOrders(OrderStatus status) {
    UUID id = inStatus(status);

    assertThatThrownBy(() -> service.cancel(alice, id, OptionalLong.empty()))
        .isInstanceOf(ConflictException.class);
    assertThat(store.find(id).orElseThrow().status()).isEqualTo(status);
  }

  @Test
  void cancellingACancelledOrderChangesNothing() {
    UUID id = inStatus(OrderStatus.CANCELLED);
    int events = store.events.size();

    assertThat(service.cancel(alice, id, OptionalLong.empty()).status())
        .isEqualTo(OrderStatus.CANCELLED);
    assertThat(store.events).hasSize(events);
  }

  @Test
  void aStaleIfMatchVersionCancelsNothing() {
    UUID id = inStatus(OrderStatus.CONFIRMED);

    assertThatThrownBy(() -> service.cancel(alice, id, OptionalLong.of(1)))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(store.find(id).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(service.cancel(alice, id, OptionalLong.of(2)).status())
        .isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void othersCannotSeeOrCancelAndAdminsCan() {
    UUID id = place();

    assertThatThrownBy(() -> service.get(bob, id)).isInstanceOf(OrderNotFoundException.class);
    assertThatThrownBy(() -> service.cancel(bob, id, OptionalLong.empty()))
        .isInstanceOf(OrderNotFoundException.class);
    assertThat(service.get(admin, id).id()).isEqualTo(id);
    assertThatThrownBy(
            () -> service.list(bob, Optional.of(alice.id()), Optional.empty(), Optional.empty(), 5))
        .isInstanceOf(ForbiddenException.class);
    assertThat(
            service
                .list(admin, Optional.of(alice.id()), Optional.empty(), Optional.empty(), 5)
                .orders())
        .hasSize(1);
  }

  @Test
  void paysAConfirmedOrderOnce() {
    UUID id = inStatus(OrderStatus.CONFIRMED);

    StoredResponse paid = pay(id, "tok_visa", "p");

    assertThat(paid.body()).isEqualTo("PAID:2500");
    assertThat(store.payments).hasSize(1);
    assertThat(store.events).contains("OrderPaid:" + id);
    assertThat(pay(id, "tok_visa", "p").replayed()).isTrue();
    assertThatThrownBy(() -> pay(id, "tok_visa", "q")).isInstanceOf(ConflictException.class);
    assertThat(store.payments).hasSize(1);
  }

  @Test
  void aDeclinedPaymentLeavesTheOrderConfirmedAndTheKeyFree() {
    UUID id = inStatus(OrderStatus.CONFIRMED);

    assertThatThrownBy(() -> pay(id, "tok_declined", "p"))
        .isInstanceOf(PaymentDeclinedException.class);

    assertThat(store.find(id).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(store.payments).isEmpty();
    assertThat(store.keys).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = OrderStatus.class,
      names = {"PENDING", "REJECTED", "CANCELLED", "EXPIRED"})
  void onlyConfirmedOrdersCanBePaid(OrderStatus status) {
    UUID id = inStatus(status);

    assertThatThrownBy(() -> pay(id, "tok_visa", "p")).isInstanceOf(ConflictException.class);
  }

  @Test
  void paymentsNeedAKeyAndTheOwner() {
    UUID id = inStatus(OrderStatus.CONFIRMED);

    assertThatThrownBy(() -> pay(id, "tok_visa", null))
        .isInstanceOf(PreconditionRequiredException.class);
    assertThatThrownBy(() -> service.pay(admin, id, "tok_visa", "k", (o, p) -> ""))
        .isInstanceOf(OrderNotFoundException.class);
  }

  @Test
  void statusEventsApplyOnceAndNeverMoveBackwards() {
    UUID id = place();
    UUID event = UUID.randomUUID();

    assertThat(
            service.applyStatus(
                "c", new StatusChange(event, id, OrderStatus.CONFIRMED, null, Map.of(), null)))
        .isTrue();
    assertThat(
            service.applyStatus(
                "c", new StatusChange(event, id, OrderStatus.CONFIRMED, null, Map.of(), null)))
        .isFalse();
    assertThat(decide(id, OrderStatus.REJECTED)).isFalse();
    assertThat(decide(id, OrderStatus.EXPIRED)).isTrue();
    assertThat(decide(id, OrderStatus.CONFIRMED)).isFalse();
    assertThat(decide(id, OrderStatus.CANCELLED)).isFalse();
    assertThat(store.find(id).orElseThrow().status()).isEqualTo(OrderStatus.EXPIRED);
  }

  @Test
  void aBatchOfStatusEventsAppliesTogetherWithTheSameRules() {
    UUID first = place();
    UUID second = place();
    UUID confirmFirst = UUID.randomUUID();
    List<StatusChange> batch =
        List.of(
            new StatusChange(confirmFirst, first, OrderStatus.CONFIRMED, null, Map.of(), null),
            new StatusChange(confirmFirst, first, OrderStatus.CONFIRMED, null, Map.of(), null),
            new StatusChange(
                UUID.randomUUID(), second, OrderStatus.CONFIRMED, null, Map.of(), null),
            new StatusChange(
                UUID.randomUUID(), first, OrderStatus.REJECTED, "OUT_OF_STOCK", Map.of(), null),
            new StatusChange(
                UUID.randomUUID(), UUID.randomUUID(), OrderStatus.CONFIRMED, null, Map.of(), null));

    assertThat(service.applyStatuses("c", batch))
        .as("the duplicate, the stale and the unknown change nothing")
        .isEqualTo(2);

    assertThat(store.find(first).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(store.find(second).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(decide(first, OrderStatus.CONFIRMED)).isFalse();
  }
}
