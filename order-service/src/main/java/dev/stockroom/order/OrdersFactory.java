package dev.stockroom.order;

import com.codahale.metrics.Counter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.order.core.OrderStore;
import dev.stockroom.order.core.PaymentGateway;
import dev.stockroom.order.core.PendingOrderLimit;
import dev.stockroom.order.core.SandboxPaymentGateway;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Order behaviour (YAML key {@code orders}): how long an {@code Idempotency-Key} is remembered, how
 * often long-polled orders are re-read, how often and how many unpaid orders past their payment
 * deadline are expired, the pending-order limit (how many orders may wait for the stream
 * processor's decision before new ones get a 503, 0 for no limit, and how often that is counted),
 * and the payment gateway ({@code sandbox} is the only one).
 */
public class OrdersFactory {
  @NotNull private Duration idempotencyKeyTtl = Duration.hours(24);

  @NotNull private Duration longPollRecheckInterval = Duration.seconds(1);

  @NotNull private Duration expiryScanInterval = Duration.seconds(1);

  @Min(1)
  @Max(10_000)
  private int expiryBatchSize = 100;

  @Min(0)
  private long maxPendingOrders = 1_000;

  @NotNull private Duration pendingCountInterval = Duration.milliseconds(250);

  @NotNull private Duration pendingRetryAfter = Duration.seconds(1);

  @NotNull
  @Pattern(regexp = "sandbox", message = "must be sandbox (the only gateway built in)")
  private String paymentGateway = "sandbox";

  @JsonProperty
  public Duration getIdempotencyKeyTtl() {
    return idempotencyKeyTtl;
  }

  @JsonProperty
  public void setIdempotencyKeyTtl(Duration idempotencyKeyTtl) {
    this.idempotencyKeyTtl = idempotencyKeyTtl;
  }

  @JsonProperty
  public Duration getLongPollRecheckInterval() {
    return longPollRecheckInterval;
  }

  @JsonProperty
  public void setLongPollRecheckInterval(Duration longPollRecheckInterval) {
    this.longPollRecheckInterval = longPollRecheckInterval;
  }

  @JsonProperty
  public Duration getExpiryScanInterval() {
    return expiryScanInterval;
  }

  @JsonProperty
  public void setExpiryScanInterval(Duration expiryScanInterval) {
    this.expiryScanInterval = expiryScanInterval;
  }

  @JsonProperty
  public int getExpiryBatchSize() {
    return expiryBatchSize;
  }

  @JsonProperty
  public void setExpiryBatchSize(int expiryBatchSize) {
    this.expiryBatchSize = expiryBatchSize;
  }

  @JsonProperty
  public long getMaxPendingOrders() {
    return maxPendingOrders;
  }

  @JsonProperty
  public void setMaxPendingOrders(long maxPendingOrders) {
    this.maxPendingOrders = maxPendingOrders;
  }

  @JsonProperty
  public Duration getPendingCountInterval() {
    return pendingCountInterval;
  }

  @JsonProperty
  public void setPendingCountInterval(Duration pendingCountInterval) {
    this.pendingCountInterval = pendingCountInterval;
  }

  @JsonProperty
  public Duration getPendingRetryAfter() {
    return pendingRetryAfter;
  }

  @JsonProperty
  public void setPendingRetryAfter(Duration pendingRetryAfter) {
    this.pendingRetryAfter = pendingRetryAfter;
  }

  @JsonProperty
  public String getPaymentGateway() {
    return paymentGateway;
  }

  @JsonProperty
  public void setPaymentGateway(String paymentGateway) {
    this.paymentGateway = paymentGateway;
  }

  public PendingOrderLimit buildPendingLimit(OrderStore store, Counter refused) {
    return new PendingOrderLimit(
        store, maxPendingOrders, pendingRetryAfter.toJavaDuration(), refused::inc);
  }

  public PaymentGateway buildGateway() {
    return new SandboxPaymentGateway();
  }
}
