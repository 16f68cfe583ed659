package dev.stockroom.product;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.platform.auth.JwtAuthFactory;
import dev.stockroom.platform.db.DatabaseFactory;
import dev.stockroom.platform.outbox.OutboxServiceConfiguration;
import dev.stockroom.product.events.StockViewFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * product-service's YAML: the common sections of {@link OutboxServiceConfiguration} plus one small
 * factory per concern of its own. {@code readDatabase} is optional: when absent, reads use {@code
 * database}.
 */
public class ProductServiceConfiguration extends OutboxServiceConfiguration {
  @Valid private DatabaseFactory readDatabase;

  @Valid @NotNull private JwtAuthFactory auth = new JwtAuthFactory();

  @Valid @NotNull private StockViewFactory stockView = new StockViewFactory();

  @Valid @NotNull private CatalogFactory catalog = new CatalogFactory();

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
