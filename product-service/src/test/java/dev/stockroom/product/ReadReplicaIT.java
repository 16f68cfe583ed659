package dev.stockroom.product;

import static dev.stockroom.devkit.HttpApi.assertNoInternals;
import static dev.stockroom.devkit.HttpApi.assertProblem;
import static dev.stockroom.devkit.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import dev.stockroom.devkit.H2Database;
import dev.stockroom.devkit.HttpApi;
import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.product.resources.ProductReadFastPath;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code readDatabase} configured, GETs read it and writes go to the primary. The "replica"
 * here is a separate database that nothing replicates into, so each read shows where it came from.
 */
@ExtendWith(SharedKafka.class)
class ReadReplicaIT {
  private static final String PRODUCTS = "/api/v1/products";

  @Order(1)
  @RegisterExtension
  static final H2Database PRIMARY = new H2Database();

  @Order(2)
  @RegisterExtension
  static final H2Database REPLICA = new H2Database();

  @Order(3)
  @RegisterExtension
  static final DropwizardAppExtension<ProductServiceConfiguration> APP =
      TestApps.app(
          PRIMARY::jdbcUrl,
          PRIMARY::user,
          PRIMARY::password,
          Map.<String, Supplier<String>>of(
              "readDatabase.driverClass",
              () -> "org.h2.Driver",
              "readDatabase.url",
              REPLICA::jdbcUrl,
              "readDatabase.user",
              REPLICA::user,
              "readDatabase.password",
              REPLICA::password,
              // Only so the test's stand-in replica has the schema; a real one gets it by
              // replication.
              "readDatabase.migrateOnStart",
              () -> "true",
              // The test watches each read reach the replica; the in-process cache would answer
              // repeats for a second.
              "catalog.localCacheTtl",
              () -> "0s"));

  @Test
  void readsComeFromTheReplicaAndWritesGoToThePrimary() {
    HttpApi api = new HttpApi(APP.getLocalPort());
    String admin = TestApps.adminToken();
    HttpResponse<String> created =
        api.post(
            PRODUCTS, ProductFlowContract.productJson("REPL-1", "Replicated", 100, "EUR"), admin);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).path("id").asText();

    assertProblem(api.get(PRODUCTS + "/" + id), 404);
    assertThat(json(api.get(PRODUCTS)).path("items")).isEmpty();

    Jdbi replica = Jdbi.create(REPLICA.jdbcUrl(), REPLICA.user(), REPLICA.password());
    insertIntoReplica(replica, UUID.fromString(id), "REPL-1", "Replicated");
    assertThat(json(api.get(PRODUCTS + "/" + id)).path("sku").asText()).isEqualTo("REPL-1");

    // The write checks If-Match against the primary, not the (possibly lagging) replica.
    HttpResponse<String> patched =
        api.patch(PRODUCTS + "/" + id, "{\"priceMinor\":200}", admin, "\"1\"");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    assertThat(json(api.get(PRODUCTS + "/" + id)).path("priceMinor").asLong()).isEqualTo(100);

    HttpApi adminPort = new HttpApi(APP.getAdminPort());
    assertThat(
            json(adminPort.get("/healthcheck")).path("read-database").path("healthy").asBoolean())
        .isTrue();
  }

  @Test
  void aReadThatFailsIsAnsweredAsAProblemWhicheverPathTookIt() {
    HttpApi api = new HttpApi(APP.getLocalPort());
    UUID id = UUID.randomUUID();
    Jdbi replica = Jdbi.create(REPLICA.jdbcUrl(), REPLICA.user(), REPLICA.password());
    insertIntoReplica(replica, id, "FAIL-1", "Failing");
    assertThat(api.get(PRODUCTS + "/" + id).statusCode()).isEqualTo(200);
    Meter fastPath =
        APP.getEnvironment()
            .metrics()
            .meter(MetricRegistry.name(ProductReadFastPath.class, "served"));
    long served = fastPath.getCount();

    replica.useHandle(h -> h.execute("ALTER TABLE products RENAME TO products_away"));
    try {
      HttpResponse<String> failed = api.get(PRODUCTS + "/" + id);
      assertThat(failed.statusCode()).as(failed.body()).isGreaterThanOrEqualTo(500);
      assertThat(failed.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertNoInternals(failed.body());
      assertThat(failed.body()).doesNotContain("products_away");
      assertThat(fastPath.getCount()).isEqualTo(served);
    } finally {
      replica.useHandle(h -> h.execute("ALTER TABLE products_away RENAME TO products"));
    }
    assertThat(api.get(PRODUCTS + "/" + id).statusCode()).isEqualTo(200);
    // The other test lists the replica's products.
    replica.useHandle(
        h -> h.createUpdate("DELETE FROM products WHERE id = :id").bind("id", id).execute());
  }

  /** A product row written straight into the stand-in replica, as replication would. */
  private static void insertIntoReplica(Jdbi replica, UUID id, String sku, String name) {
    replica.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO products (id, sku, name, description, price_minor, currency, active,
                                          version, created_at, updated_at)
                    VALUES (:id, :sku, :name, NULL, 100, 'EUR', TRUE, 1, :at, :at)
                    """)
                .bind("id", id)
                .bind("sku", sku)
                .bind("name", name)
                .bind("at", Instant.now())
                .execute());
  }
}
