package dev.stockroom.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.platform.auth.JwtAuthFactory;
import dev.stockroom.platform.consumer.ConsumerFactory;
import dev.stockroom.platform.outbox.OutboxServiceConfiguration;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * order-service's YAML: the common sections of {@link OutboxServiceConfiguration} plus one small
 * factory per concern of its own.
 */
public class OrderServiceConfiguration extends OutboxServiceConfiguration {
  @Valid @NotNull private JwtAuthFactory auth = new JwtAuthFactory();

  @Valid @NotNull private OrdersFactory orders = new OrdersFactory();

  @Valid @NotNull
  private ConsumerFactory productReplica =
      new ConsumerFactory("order-service-product-replica", Duration.minutes(2));

  @Valid @NotNull
  private ConsumerFactory orderStatus =
      new ConsumerFactory("order-service-order-status", Duration.minutes(2));

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
