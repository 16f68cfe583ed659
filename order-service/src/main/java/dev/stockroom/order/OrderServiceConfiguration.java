package dev.stockroom.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.platform.auth.JwtAuthFactory;
import dev.stockroom.platform.db.DatabaseFactory;
import dev.stockroom.platform.kafka.KafkaFactory;
import dev.stockroom.platform.outbox.OutboxFactory;
import dev.stockroom.platform.web.ApiFactory;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * order-service's YAML: Dropwizard's {@code server}/{@code logging}/{@code metrics} plus one small
 * factory per concern.
 */
public class OrderServiceConfiguration extends Configuration {
  @Valid @NotNull private DatabaseFactory database = new DatabaseFactory();

  @Valid @NotNull private KafkaFactory kafka = new KafkaFactory();

  @Valid @NotNull private OutboxFactory outbox = new OutboxFactory();

  @Valid @NotNull private ApiFactory api = new ApiFactory();

  @Valid @NotNull private JwtAuthFactory auth = new JwtAuthFactory();

  @Valid @NotNull private OrdersFactory orders = new OrdersFactory();

  @Valid @NotNull
  private ConsumerFactory productReplica = new ConsumerFactory("order-service-product-replica");

  @Valid @NotNull
  private ConsumerFactory orderStatus = new ConsumerFactory("order-service-order-status");

  @JsonProperty
  public DatabaseFactory getDatabase() {
    return database;
  }

  @JsonProperty
  public void setDatabase(DatabaseFactory database) {
    this.database = database;
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
  public OrdersFactory getOrders() {
    return orders;
  }

  @JsonProperty
  public void setOrders(OrdersFactory orders) {
    this.orders = orders;
  }

  @JsonProperty
  public ConsumerFactory getProductReplica() {
    return productReplica;
  }

  @JsonProperty
  public void setProductReplica(ConsumerFactory productReplica) {
    this.productReplica = productReplica;
  }

  @JsonProperty
  public ConsumerFactory getOrderStatus() {
    return orderStatus;
  }

  @JsonProperty
  public void setOrderStatus(ConsumerFactory orderStatus) {
    this.orderStatus = orderStatus;
  }
}
