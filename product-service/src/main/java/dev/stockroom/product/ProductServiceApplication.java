package dev.stockroom.product;

import com.codahale.metrics.MetricRegistry;
import dev.stockroom.platform.db.DatabaseFactory;
import dev.stockroom.platform.kafka.KafkaFactory;
import dev.stockroom.platform.outbox.Outbox;
import dev.stockroom.product.core.CatalogReads;
import dev.stockroom.product.core.ProductService;
import dev.stockroom.product.core.StockService;
import dev.stockroom.product.db.JdbiCatalogReads;
import dev.stockroom.product.db.JdbiProductStore;
import dev.stockroom.product.db.JdbiStockStore;
import dev.stockroom.product.resources.ProductReadFastPath;
import dev.stockroom.product.resources.ProductsResource;
import dev.stockroom.product.resources.StockResource;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.migrations.MigrationsBundle;
import jakarta.servlet.DispatcherType;
import jakarta.ws.rs.core.CacheControl;
import java.time.Clock;
import java.util.EnumSet;
import org.jdbi.v3.core.Jdbi;

/**
 * product-service: the catalog (products, prices) and on-hand stock, published to {@code
 * products.v1} and {@code inventory.v1}, with availability from {@code stock.v1}. The one place
 * where the service's objects are created and wired.
 */
public class ProductServiceApplication extends Application<ProductServiceConfiguration> {
  public static void main(String[] args) throws Exception {
    new ProductServiceApplication().run(args);
  }

  @Override
  public String getName() {
    return "product-service";
  }

  @Override
  public void initialize(Bootstrap<ProductServiceConfiguration> bootstrap) {
    // ${VAR} and ${VAR:-default} in the YAML; an unset variable without default fails startup.
    // Substitution inside variables lets the replica default to the primary:
    // ${READ_URL:-${URL}}.
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(),
            new EnvironmentVariableSubstitutor(true, true)));
    bootstrap.addBundle(
        new MigrationsBundle<>() {
          @Override
          public DatabaseFactory getDataSourceFactory(ProductServiceConfiguration configuration) {
            return configuration.getDatabase();
          }
        });
  }

  @Override
  public void run(ProductServiceConfiguration configuration, Environment environment) {
    Clock clock = Clock.systemUTC();
    configuration.getApi().build(environment, configuration.getServerFactory());

    Jdbi primary = configuration.getDatabase().build(environment, "database");
    // GETs may read a replica; every write and every check before a write uses the primary.
    Jdbi reads =
        configuration.getReadDatabase() == null
            ? primary
            : configuration.getReadDatabase().build(environment, "read-database");
    KafkaFactory kafka = configuration.getKafka();
    kafka.build(environment);
    Outbox outbox = configuration.getOutbox().build(environment, primary, kafka);

    configuration.getAuth().build(environment);

    CatalogFactory catalogConfig = configuration.getCatalog();
    CatalogReads catalog = catalogConfig.cached(new JdbiCatalogReads(reads));
    ProductService products =
        new ProductService(new JdbiProductStore(primary, outbox), catalog, clock);
    StockService stock = new StockService(new JdbiStockStore(primary, outbox), catalog, clock);

    CacheControl publicCache = catalogConfig.publicCache();
    environment.jersey().register(new ProductsResource(products, publicCache));
    // Registered after the platform's request-id and trace filters, so it runs after them too.
    environment
        .servlets()
        .addFilter(
            "product-read-fast-path",
            new ProductReadFastPath(
                products,
                environment.getObjectMapper(),
                publicCache,
                catalogConfig.getLocalCacheSize(),
                environment
                    .metrics()
                    .meter(MetricRegistry.name(ProductReadFastPath.class, "served"))))
        .addMappingForUrlPatterns(
            EnumSet.of(DispatcherType.REQUEST), true, ProductReadFastPath.PATH_PREFIX + "*");
    environment.jersey().register(new StockResource(stock));

    configuration.getStockView().build(environment, primary, kafka);
  }
}
