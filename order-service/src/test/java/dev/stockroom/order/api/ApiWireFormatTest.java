package dev.stockroom.order.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.stockroom.order.core.Order;
import dev.stockroom.order.core.OrderItem;
import dev.stockroom.order.core.OrderStatus;
import dev.stockroom.order.core.RequestedLine;
import dev.stockroom.platform.web.ApiFactory;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pins the JSON clients see, against the fixtures under {@code src/test/resources/fixtures}. */
class ApiWireFormatTest {
  private final ObjectMapper mapper = Jackson.newObjectMapper();

  ApiWireFormatTest() {
    ApiFactory.configureObjectMapper(mapper);
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  @Test
  void createOrderRequestReadsLinesOfProductAndQuantity() throws Exception {
    CreateOrderRequest request =
        mapper.readValue(bytes("create-order-request.json"), CreateOrderRequest.class);

    assertThat(request.toLines())
        .containsExactly(
            new RequestedLine(UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7"), 2),
            new RequestedLine(UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), 1));
  }

  @Test
  void requestsRejectUnknownFieldsSuchAsAPrice() {
    assertThatThrownBy(
            () ->
                mapper.readValue(
                    "{\"lines\":[{\"productId\":\"6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7\","
                        + "\"quantity\":1,\"unitPriceMinor\":1}]}",
                    CreateOrderRequest.class))
        .isInstanceOf(UnrecognizedPropertyException.class);
    assertThatThrownBy(
            () -> mapper.readValue("{\"cardToken\":\"t\",\"amount\":1}", PaymentRequest.class))
        .isInstanceOf(UnrecognizedPropertyException.class);
  }

  @Test
  void paymentRequestCarriesOnlyACardToken() throws Exception {
    assertThat(mapper.readValue(bytes("payment-request.json"), PaymentRequest.class).cardToken())
        .isEqualTo("tok_visa");
  }

  @Test
  void orderResponseHasMinorUnitsPerLineReasonsAndIsoTimes() throws Exception {
    Order order =
        new Order(
            UUID.fromString("3c9e1d2f-7a4b-4c5d-9e8f-0a1b2c3d4e5f"),
            UUID.fromString("0b7c4a52-3f0e-4c8e-9a57-2f4f7d8f1e01"),
            OrderStatus.REJECTED,
            "OUT_OF_STOCK",
            null,
            List.of(
                new OrderItem(
                    UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7"),
                    2,
                    1250,
                    "OUT_OF_STOCK"),
                new OrderItem(
                    UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), 1, 4999, null)),
            7499,
            "EUR",
            2,
            Instant.parse("2025-03-01T10:00:00.123456Z"),
            Instant.parse("2025-03-01T10:00:02Z"));

    JsonNode written = mapper.readTree(mapper.writeValueAsString(OrderResponse.from(order)));

    assertThat(written).isEqualTo(mapper.readTree(bytes("order-response.json")));
  }

  private static byte[] bytes(String name) throws IOException {
    try (InputStream in = ApiWireFormatTest.class.getResourceAsStream("/fixtures/" + name)) {
      return in.readAllBytes();
    }
  }
}
