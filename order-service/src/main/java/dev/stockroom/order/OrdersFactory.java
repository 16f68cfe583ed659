package dev.stockroom.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.order.core.PaymentGateway;
import dev.stockroom.order.core.SandboxPaymentGateway;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Order behaviour (YAML key {@code orders}): how long an {@code Idempotency-Key} is remembered, how
 * often long-polled orders are re-read, how often and how many unpaid orders past their payment
 * deadline are expired, and the payment gateway ({@code sandbox} is the only one).
 */
public class OrdersFactory {
  @NotNull private Duration idempotencyKeyTtl = Duration.hours(24);

  @NotNull private Duration longPollRecheckInterval = Duration.seconds(1);

  @NotNull private Duration expiryScanInterval = Duration.seconds(1);

  @Min(1)
  @Max(10_000)
  private int expiryBatchSize = 100;

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
  public String getPaymentGateway() {
    return paymentGateway;
  }

  @JsonProperty
  public void setPaymentGateway(String paymentGateway) {
    this.paymentGateway = paymentGateway;
  }

  public PaymentGateway buildGateway() {
    return new SandboxPaymentGateway();
  }
}
