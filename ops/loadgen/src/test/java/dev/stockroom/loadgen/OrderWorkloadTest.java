package dev.stockroom.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.client.ApiException;
import dev.stockroom.client.Line;
import dev.stockroom.client.Timed;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderWorkloadTest {
  @Test
  void picksDistinctProductsWithSmallQuantities() {
    List<UUID> products = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      products.add(UUID.randomUUID());
    }
    SplittableRandom random = new SplittableRandom(42);
    boolean sawMax = false;
    for (int n = 0; n < 500; n++) {
      List<Line> lines = OrderWorkload.randomLines(random, products, 3);
      assertThat(lines).hasSizeBetween(1, 3);
      assertThat(lines.stream().map(Line::productId).distinct().count()).isEqualTo(lines.size());
      assertThat(lines).allMatch(l -> l.quantity() >= 1 && l.quantity() <= 3);
      assertThat(products).containsAll(lines.stream().map(Line::productId).toList());
      sawMax |= lines.size() == 3;
    }
    assertThat(sawMax).isTrue();
    assertThat(OrderWorkload.randomLines(random, products.subList(0, 1), 3)).hasSize(1);
  }

  @Test
  void treatsOnlyUnansweredOrUnreadablePlacementsAsUnknown() {
    assertThat(OrderWorkload.outcomeUnknown(failed(0, "timeout"))).isTrue();
    assertThat(OrderWorkload.outcomeUnknown(failed(503, "http_503"))).isTrue();
    assertThat(OrderWorkload.outcomeUnknown(failed(201, "invalid_response"))).isTrue();
    assertThat(OrderWorkload.outcomeUnknown(failed(422, "http_422"))).isFalse();
    assertThat(OrderWorkload.outcomeUnknown(failed(429, "http_429"))).isFalse();
  }

  private static Timed<Object> failed(int status, String kind) {
    ApiException e =
        status == 0 || status == 201
            ? ApiException.transport("POST /api/v1/orders", kind, null)
            : ApiException.http("POST /api/v1/orders", status, null, null, null, "");
    return new Timed<>(null, status, 0, 1, e);
  }
}
