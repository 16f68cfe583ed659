package dev.stockroom.order.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxPaymentGatewayTest {
  final SandboxPaymentGateway gateway = new SandboxPaymentGateway();

  @Test
  void approvesTheDocumentedGoodCards() {
    assertThat(gateway.charge("tok_visa", 100, "EUR", "k").approved()).isTrue();
    assertThat(gateway.charge("tok_mastercard", 100, "EUR", "k").reference())
        .startsWith("sandbox_");
  }

  @Test
  void declinesTheDocumentedBadCardsAndAnythingUnknown() {
    for (String token :
        new String[] {"tok_declined", "tok_insufficient_funds", "4242424242424242"}) {
      PaymentGateway.Charge charge = gateway.charge(token, 100, "EUR", "k");
      assertThat(charge.approved()).as(token).isFalse();
      assertThat(charge.declineReason()).isNotBlank();
    }
  }
}
