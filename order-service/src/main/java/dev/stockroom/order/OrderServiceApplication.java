package dev.stockroom.order;

import dev.stockroom.events.Topics;
import dev.stockroom.order.core.OrderService;
import dev.stockroom.order.core.OrderStatusNotifier;
import dev.stockroom.order.core.OrderStore;
import dev.stockroom.order.core.PendingOrderLimit;
import dev.stockroom.order.core.PendingOrderWatcher;
import dev.stockroom.order.core.UnpaidOrderSweeper;
import dev.stockroom.order.db.IdempotencyKeySweeper;
import dev.stockroom.order.db.JdbiOrderStore;
import dev.stockroom.order.events.OrderStatusHandler;
import dev.stockroom.order.events.ProductReplicaHandler;
import dev.stockroom.order.resources.OrdersResource;
import dev.stockroom.platform.consumer.ConsumerFactory;
import dev.stockroom.platform.db.DatabaseFactory;
import dev.stockroom.platform.kafka.KafkaFactory;
import dev.stockroom.platform.outbox.Outbox;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.migrations.MigrationsBundle;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * order-service: orders, idempotent placement, payments, cancellation, live status, and the product
 * replica. The one place where the service's objects are created and wired.
 */
public class OrderServiceApplication extends Application<OrderServiceConfiguration> {
  /** Orders with at least one long poll waiting on them in this process. */
  public static final String LONG_POLL_GAUGE = "orders.long-poll.orders-waited-on";

  public static final String PENDING_GAUGE = "orders.pending";
  public static final String REFUSED_COUNTER = "orders.pending.refused";

  public static void main(String[] args) throws Exception {
    new OrderServiceApplication().run(args);
  }

  @Override
  public String getName() {
    return "order-service";
  }

  @Override
  public void initialize(Bootstrap<OrderServiceConfiguration> bootstrap) {
    // ${VAR} and ${VAR:-default} in the YAML; an unset variable without default fails startup.
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
    bootstrap.addBundle(
        new MigrationsBundle<>() {
          @Override
          public DatabaseFactory getDataSourceFactory(OrderServiceConfiguration configuration) {
            return configuration.getDatabase();
          }
        });
  }

  @Override
  public void run(OrderServiceConfiguration configuration, Environment environment) {
    Clock clock = Clock.systemUTC();
    configuration.getApi().build(environment, configuration.getServerFactory());
    configuration.getAuth().build(environment);

    Jdbi jdbi = configuration.getDatabase().build(environment, "database");
    KafkaFactory kafka = configuration.getKafka();
    kafka.build(environment);
    Outbox outbox = configuration.getOutbox().build(environment, jdbi, kafka);

    OrdersFactory settings = configuration.getOrders();
    OrderStore store = new JdbiOrderStore(jdbi, outbox);
    OrderStatusNotifier notifier = new OrderStatusNotifier();
    environment.metrics().registerGauge(LONG_POLL_GAUGE, notifier::waitedOnCount);
    PendingOrderLimit pendingLimit =
        settings.buildPendingLimit(store, environment.metrics().counter(REFUSED_COUNTER));
    environment.metrics().registerGauge(PENDING_GAUGE, pendingLimit::pending);
    OrderService orders =
        new OrderService(
            store,
            settings.buildGateway(),
            notifier,
            pendingLimit,
            settings.getIdempotencyKeyTtl().toJavaDuration(),
            clock);

    // Answers woken long-polls off the status consumer's thread; the work is one short read.
    ExecutorService resumer =
        environment
            .lifecycle()
            .executorService("order-long-poll-%d")
            .minThreads(4)
            .maxThreads(4)
            .build();
    environment
        .jersey()
        .register(new OrdersResource(orders, notifier, environment.getObjectMapper(), resumer));

    ConsumerFactory replica = configuration.getProductReplica();
    replica.build(environment, kafka, Topics.PRODUCTS, new ProductReplicaHandler(jdbi, clock));
    ConsumerFactory status = configuration.getOrderStatus();
    status.build(
        environment,
        kafka,
        Topics.ORDER_STATUS,
        new OrderStatusHandler(status.getGroupId(), orders));

    ScheduledExecutorService scheduler =
        environment
            .lifecycle()
            .scheduledExecutorService("order-service-scheduler")
            .threads(1)
            .build();
    long recheck = settings.getLongPollRecheckInterval().toMilliseconds();
    scheduler.scheduleWithFixedDelay(
        new PendingOrderWatcher(store, notifier), recheck, recheck, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        new IdempotencyKeySweeper(jdbi, clock), 1, 10, TimeUnit.MINUTES);
    if (pendingLimit.isOn()) {
      long pendingCount = settings.getPendingCountInterval().toMilliseconds();
      scheduler.scheduleWithFixedDelay(pendingLimit, 0, pendingCount, TimeUnit.MILLISECONDS);
    }
    long expiryScan = settings.getExpiryScanInterval().toMilliseconds();
    scheduler.scheduleWithFixedDelay(
        new UnpaidOrderSweeper(orders, settings.getExpiryBatchSize()),
        expiryScan,
        expiryScan,
        TimeUnit.MILLISECONDS);
  }
}
