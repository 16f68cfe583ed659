package dev.stockroom.product.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.events.EventJson;
import dev.stockroom.events.ProductUpserted;
import dev.stockroom.events.StockLevelSet;
import dev.stockroom.platform.consumer.ProcessedEvents;
import dev.stockroom.platform.outbox.Outbox;
import dev.stockroom.product.core.Availability;
import dev.stockroom.product.core.InsufficientStockException;
import dev.stockroom.product.core.Product;
import dev.stockroom.product.core.ProductDraft;
import dev.stockroom.product.core.ProductFilter;
import dev.stockroom.product.core.ProductNotFoundException;
import dev.stockroom.product.core.ProductView;
import dev.stockroom.product.core.SkuAlreadyUsedException;
import dev.stockroom.product.core.StockChange;
import dev.stockroom.product.core.StockLevel;
import dev.stockroom.product.events.StockViewHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stores against a real database; subclasses run it on PostgreSQL and on H2, which must behave
 * the same. Each test uses its own SKUs, so tests share one migrated database.
 */
abstract class CatalogStoreContract {
  private static final UUID ADMIN = UUID.fromString("0b8f1e2d-3c4a-4b5c-9d6e-7f8091a2b3c4");

  private Jdbi jdbi;
  private JdbiProductStore products;
  private JdbiStockStore stock;
  private JdbiCatalogReads reads;
  private String tag;

  abstract Jdbi jdbi();

  @BeforeEach
  void setUp() {
    jdbi = jdbi();
    Outbox outbox = new Outbox(Clock.systemUTC(), () -> {});
    products = new JdbiProductStore(jdbi, outbox);
    stock = new JdbiStockStore(jdbi, outbox);
    reads = new JdbiCatalogReads(jdbi);
    tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private Product product(String sku, String name) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return Product.create(
        UUID.randomUUID(), new ProductDraft(sku, name, null, 1299, "EUR", true), now);
  }

  @Test
  void storesAProductWithEmptyStockAndItsEventTogether() {
    Product p = product(tag + "-A", "Lamp");

    products.create(p);

    assertThat(products.findById(p.id())).contains(p);
    assertThat(reads.find(p.id())).contains(new ProductView(p, Optional.empty()));
    assertThat(reads.findBySku(p.sku()).map(ProductView::product)).contains(p);
    assertThat(reads.stock(p.id()).orElseThrow().level().onHand()).isZero();
    assertThat(reads.stock(p.id()).orElseThrow().level().version()).isZero();
    ProductUpserted event =
        EventJson.read(outboxPayloads(p.id()).get(0), ProductUpserted.class).data();
    assertThat(event.version()).isEqualTo(1);
    assertThat(event.sku()).isEqualTo(p.sku());
  }

  @Test
  void aDuplicateSkuIsRefusedAndLeavesNoTrace() {
    products.create(product(tag + "-DUP", "First"));
    Product second = product(tag + "-DUP", "Second");

    assertThatThrownBy(() -> products.create(second)).isInstanceOf(SkuAlreadyUsedException.class);
    assertThat(products.findById(second.id())).isEmpty();
    assertThat(outboxPayloads(second.id())).isEmpty();
  }

  @Test
  void anUpdateFromAStaleVersionChangesNothing() {
    Product p = product(tag + "-U", "Chair");
    products.create(p);
    Product v2 = p.withDraft(p.draft(), Instant.now().truncatedTo(ChronoUnit.MICROS));
    assertThat(products.update(p, v2, false)).contains(v2);

    assertThat(products.update(p, v2, false)).isEmpty();
    assertThat(products.findById(p.id()).orElseThrow().version()).isEqualTo(2);
    assertThat(outboxPayloads(p.id())).hasSize(2);
  }

  @Test
  void listsInSkuOrderWithFiltersAndKeysetPaging() {
    List<Product> made = new ArrayList<>();
    for (String s : List.of("C", "A", "B", "D")) {
      Product p = product(tag + "-L" + s, "Table " + s + " 100%_" + tag);
      products.create(p);
      made.add(p);
    }
    ProductFilter mine = ProductFilter.of("100%_" + tag, Optional.empty(), List.of());

    List<ProductView> first = reads.list(mine, Optional.empty(), 2);
    List<ProductView> rest = reads.list(mine, Optional.of(first.get(1).product().sku()), 10);

    assertThat(first).extracting(v -> v.product().sku()).containsExactly(tag + "-LA", tag + "-LB");
    assertThat(rest).extracting(v -> v.product().sku()).containsExactly(tag + "-LC", tag + "-LD");
    ProductFilter ids =
        ProductFilter.of(null, Optional.empty(), List.of(made.get(3).id(), made.get(0).id()));
    assertThat(reads.list(ids, Optional.empty(), 10))
        .extracting(v -> v.product().sku())
        .containsExactly(tag + "-LC", tag + "-LD");
    // % and _ in q are literal characters, not wildcards.
    assertThat(
            reads.list(
                ProductFilter.of("1%0" + tag, Optional.empty(), List.of()), Optional.empty(), 10))
        .isEmpty();
    assertThat(
            reads.list(ProductFilter.of(tag, Optional.of(false), List.of()), Optional.empty(), 10))
        .isEmpty();
  }

  @Test
  void adjustmentsNeverGoBelowZeroAndSetsCheckTheVersion() {
    Product p = product(tag + "-S", "Stool");
    products.create(p);
    Instant now = Instant.now();

    assertThat(stock.set(5, 0, new StockChange(p.id(), 0, "set", ADMIN, now)))
        .hasValueSatisfying(l -> assertThat(l.onHand()).isEqualTo(5));
    assertThat(stock.set(9, 0, new StockChange(p.id(), 0, "set", ADMIN, now))).isEmpty();
    assertThatThrownBy(() -> stock.adjust(new StockChange(p.id(), -6, "lost", ADMIN, now)))
        .isInstanceOfSatisfying(
            InsufficientStockException.class, e -> assertThat(e.current().onHand()).isEqualTo(5));
    StockLevel after = stock.adjust(new StockChange(p.id(), -5, "sold out", ADMIN, now));
    assertThatThrownBy(() -> stock.adjust(new StockChange(UUID.randomUUID(), 1, "x", ADMIN, now)))
        .isInstanceOf(ProductNotFoundException.class);

    assertThat(after.onHand()).isZero();
    assertThat(after.version()).isEqualTo(2);
    List<StockLevelSet> events =
        outboxPayloads(p.id()).stream()
            .filter(json -> json.contains(StockLevelSet.TYPE))
            .map(json -> EventJson.read(json, StockLevelSet.class).data())
            .toList();
    assertThat(events)
        .containsExactly(new StockLevelSet(p.id(), 5, 1), new StockLevelSet(p.id(), 0, 2));
    List<String> reasons =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT reason FROM stock_changes WHERE product_id = :id ORDER BY version")
                    .bind("id", p.id())
                    .mapTo(String.class)
                    .list());
    assertThat(reasons).containsExactly("set", "sold out");
  }

  @Test
  void concurrentAdjustmentsLoseNoUpdate() throws Exception {
    Product p = product(tag + "-C", "Crate");
    products.create(p);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<StockLevel>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 120; i++) {
        long delta = i % 3 == 0 ? -1 : 2;
        results.add(
            pool.submit(
                () -> {
                  try {
                    return stock.adjust(new StockChange(p.id(), delta, "r", ADMIN, Instant.now()));
                  } catch (InsufficientStockException e) {
                    return null;
                  }
                }));
      }
      long applied = 0;
      long sum = 0;
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i).get() != null) {
          applied++;
          sum += i % 3 == 0 ? -1 : 2;
        }
      }
      StockLevel level = reads.stock(p.id()).orElseThrow().level();
      assertThat(level.onHand()).isEqualTo(sum);
      assertThat(level.version()).isEqualTo(applied);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void stockViewsApplyOnceAndNeverGoBackInVersion() {
    Product p = product(tag + "-V", "Vase");
    products.create(p);
    StockViewHandler handler = new StockViewHandler("test-" + tag, jdbi, Clock.systemUTC());
    UUID first = UUID.randomUUID();

    handler.handle(record(first, p.id(), 10, 2, 8, 3));
    handler.handle(record(first, p.id(), 10, 9, 1, 3));
    handler.handle(record(UUID.randomUUID(), p.id(), 4, 0, 4, 2));
    handler.handle(new ConsumerRecord<>("stock.v1", 0, 9, p.id().toString(), "{not json"));

    assertThat(reads.find(p.id()).orElseThrow().availability())
        .contains(new Availability(10, 2, 8, 3));
    handler.handle(record(UUID.randomUUID(), p.id(), 10, 4, 6, 3));
    assertThat(reads.stock(p.id()).orElseThrow().availability())
        .contains(new Availability(10, 4, 6, 3));
    boolean firstSeenAgain =
        jdbi.inTransaction(h -> ProcessedEvents.markProcessed(h, "test-" + tag, first));
    assertThat(firstSeenAgain).isFalse();
  }

  @Test
  void aPollsStockViewsApplyTogetherSkippingRepeatsJunkAndOlderVersions() {
    Product a = product(tag + "-BA", "Bowl");
    Product b = product(tag + "-BB", "Cup");
    products.create(a);
    products.create(b);
    StockViewHandler handler = new StockViewHandler("test-" + tag, jdbi, Clock.systemUTC());
    UUID repeated = UUID.randomUUID();

    handler.handleAll(
        List.of(
            record(repeated, a.id(), 10, 1, 9, 1),
            record(repeated, a.id(), 10, 7, 3, 1),
            new ConsumerRecord<>("stock.v1", 0, 2, a.id().toString(), "{not json"),
            record(UUID.randomUUID(), b.id(), 5, 5, 0, 4),
            record(UUID.randomUUID(), a.id(), 10, 2, 8, 3),
            record(UUID.randomUUID(), a.id(), 10, 9, 1, 2)));

    assertThat(reads.find(a.id()).orElseThrow().availability())
        .contains(new Availability(10, 2, 8, 3));
    assertThat(reads.find(b.id()).orElseThrow().availability())
        .contains(new Availability(5, 5, 0, 4));
    boolean repeatedSeenAgain =
        jdbi.inTransaction(h -> ProcessedEvents.markProcessed(h, "test-" + tag, repeated));
    assertThat(repeatedSeenAgain).isFalse();
  }

  @Test
  void aPollWritesOnlyEachProductsNewestViewAndARedeliveryCannotTurnItBack() {
    Product a = product(tag + "-NA", "Jug");
    products.create(a);
    StockViewHandler handler = new StockViewHandler("test-" + tag, jdbi, Clock.systemUTC());
    UUID early = UUID.randomUUID();
    List<ConsumerRecord<String, String>> poll = new java.util.ArrayList<>();
    poll.add(record(early, a.id(), 100, 1, 99, 5));
    for (int reserved = 2; reserved <= 50; reserved++) {
      poll.add(record(UUID.randomUUID(), a.id(), 100, reserved, 100 - reserved, 5));
    }

    handler.handleAll(poll);
    handler.handle(poll.get(0));

    assertThat(reads.find(a.id()).orElseThrow().availability())
        .as("the last view of the poll; its first, delivered again alone, changes nothing")
        .contains(new Availability(100, 50, 50, 5));
  }

  private static ConsumerRecord<String, String> record(
      UUID eventId, UUID productId, long onHand, long reserved, long available, long version) {
    String json =
        EventJson.write(
            new dev.stockroom.events.EventEnvelope<>(
                eventId,
                dev.stockroom.events.StockView.TYPE,
                1,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                productId.toString(),
                new dev.stockroom.events.StockView(
                    productId, onHand, reserved, available, version)));
    return new ConsumerRecord<>("stock.v1", 0, 0, productId.toString(), json);
  }

  private List<String> outboxPayloads(UUID key) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT payload FROM outbox_events WHERE message_key = :key ORDER BY id")
                .bind("key", key.toString())
                .mapTo(String.class)
                .list());
  }
}
