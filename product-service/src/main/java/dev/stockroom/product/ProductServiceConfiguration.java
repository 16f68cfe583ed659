package dev.stockroom.product;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.platform.auth.JwtAuthFactory;
import dev.stockroom.platform.db.DatabaseFactory;
import dev.stockroom.platform.kafka.KafkaFactory;
import dev.stockroom.platform.outbox.OutboxFactory;
import dev.stockroom.platform.web.ApiFactory;
import dev.stockroom.product.events.StockViewFactory;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * product-service's YAML: Dropwizard's {@code server}/{@code logging}/{@code metrics} plus one
 * small factory per concern. {@code readDatabase} is optional: when absent, reads use {@code
 * database}.
 */
public class ProductServiceConfiguration extends Configuration {
  @Valid @NotNull private DatabaseFactory database = new DatabaseFactory();

  @Valid private DatabaseFactory readDatabase;

  @Valid @NotNull private KafkaFactory kafka = new KafkaFactory();

  @Valid @NotNull private OutboxFactory outbox = new OutboxFactory();

  @Valid @NotNull private ApiFactory api = new ApiFactory();

  @Valid @NotNull private JwtAuthFactory auth = new JwtAuthFactory();

  @Valid @NotNull private StockViewFactory stockView = new StockViewFactory();

  @Valid @NotNull private CatalogFactory catalog = new CatalogFactory();

  @JsonProperty
  public DatabaseFactory getDatabase() {
    return database;
  }

  @JsonProperty
  public void setDatabase(DatabaseFactory database) {
    this.database = database;
  }

  /** The read replica for GET endpoints, or null to read from {@code database}. */
  @JsonProperty
  public DatabaseFactory getReadDatabase() {
    return readDatabase;
  }

  @JsonProperty
  public void setReadDatabase(DatabaseFactory readDatabase) {
    this.readDatabase = readDatabase;
  }

  @JsonProperty
  public KafkaFactory getKafka() {
    return kafka;
  }

  @JsonProperty
  public void setKafka(KafkaFactory kafka) {
    this.kafka = kafka;
  }

  @JsonProperty
  public OutboxFactory getOutbox() {
    return outbox;
  }

  @JsonProperty
  public void setOutbox(OutboxFactory outbox) {
    this.outbox = outbox;
  }

  @JsonProperty
  public ApiFactory getApi() {
    return api;
  }

  @JsonProperty
  public void setApi(ApiFactory api) {
    this.api = api;
  }

  @JsonProperty
  public JwtAuthFactory getAuth() {
    return auth;
  }

  @JsonProperty
  public void setAuth(JwtAuthFactory auth) {
    this.auth = auth;
  }

  @JsonProperty
  public StockViewFactory getStockView() {
    return stockView;
  }

  @JsonProperty
  public void setStockView(StockViewFactory stockView) {
    this.stockView = stockView;
  }

  @JsonProperty
  public CatalogFactory getCatalog() {
    return catalog;
  }

  @JsonProperty
  public void setCatalog(CatalogFactory catalog) {
    this.catalog = catalog;
  }
}
