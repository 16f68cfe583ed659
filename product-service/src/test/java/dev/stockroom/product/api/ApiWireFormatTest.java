package dev.stockroom.product.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.stockroom.platform.web.ApiFactory;
import dev.stockroom.product.core.Availability;
import dev.stockroom.product.core.Product;
import dev.stockroom.product.core.ProductDraft;
import dev.stockroom.product.core.ProductView;
import dev.stockroom.product.core.StockLevel;
import dev.stockroom.product.core.StockStatus;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pins the JSON clients send and receive, with the service's own mapper settings. */
class ApiWireFormatTest {
  private static final UUID ID = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
  private static final ObjectMapper JSON = mapper();

  private static ObjectMapper mapper() {
    ObjectMapper mapper = Jackson.newObjectMapper();
    ApiFactory.configureObjectMapper(mapper);
    return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  @Test
  void productResponseWritesExactlyTheFixture() throws IOException {
    Product product =
        new Product(
            ID,
            "KB-87-BLK",
            "Mechanical keyboard",
            "Tenkeyless, brown switches.",
            1299,
            "EUR",
            true,
            3,
            Instant.parse("2026-11-28T09:00:00.125Z"),
            Instant.parse("2026-11-28T10:30:00Z"));
    ProductView view = new ProductView(product, Optional.of(new Availability(40, 2, 38, 7)));

    assertThat(JSON.readTree(JSON.writeValueAsString(ProductResponse.from(view))))
        .isEqualTo(JSON.readTree(fixture("product-response.json")));
  }

  @Test
  void availabilityIsAbsentNotZeroUntilAViewExists() throws IOException {
    Product product =
        Product.create(ID, new ProductDraft("KB", "K", null, 1, "EUR", true), Instant.now());

    String json = JSON.writeValueAsString(ProductResponse.from(product));

    assertThat(JSON.readTree(json).has("available")).isFalse();
    assertThat(JSON.readTree(json).has("description")).isTrue();
  }

  @Test
  void stockResponseWritesExactlyTheFixture() throws IOException {
    StockStatus status =
        new StockStatus(
            new StockLevel(ID, 40, 7, Instant.parse("2026-11-28T09:30:00Z")),
            Optional.of(new Availability(40, 2, 38, 7)));

    assertThat(JSON.readTree(JSON.writeValueAsString(StockResponse.from(status))))
        .isEqualTo(JSON.readTree(fixture("stock-response.json")));
  }

  @Test
  void createRequestReadsIntoAValidatedDraft() throws IOException {
    CreateProductRequest request =
        JSON.readValue(fixture("create-product-request.json"), CreateProductRequest.class);

    assertThat(request.toDraft())
        .isEqualTo(
            new ProductDraft(
                "KB-87-BLK",
                "Mechanical keyboard",
                "Tenkeyless, brown switches.",
                1299,
                "EUR",
                true));
  }

  @Test
  void createRequestRejectsServerOwnedFields() {
    assertThatThrownBy(
            () -> JSON.readValue("{\"sku\":\"A\",\"version\":3}", CreateProductRequest.class))
        .isInstanceOf(UnrecognizedPropertyException.class);
  }

  @Test
  void aPatchTellsAnAbsentDescriptionFromANullOne() throws IOException {
    PatchProductRequest absent = JSON.readValue("{\"priceMinor\":5}", PatchProductRequest.class);
    PatchProductRequest cleared =
        JSON.readValue("{\"description\":null}", PatchProductRequest.class);

    assertThat(absent.toChange().description()).isNull();
    assertThat(absent.toChange().priceMinor()).isEqualTo(5);
    assertThat(cleared.toChange().description()).isEmpty();
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = ApiWireFormatTest.class.getResourceAsStream("/fixtures/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
