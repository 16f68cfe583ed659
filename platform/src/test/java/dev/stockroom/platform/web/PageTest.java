package dev.stockroom.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.platform.errors.BadRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {
  @Test
  void extraRowMeansANextPageStartingAfterTheLastShown() {
    PageRequest request = PageRequest.of(2, null);

    Page<String> page = Page.fromLookahead(List.of("a", "b", "c"), request, Cursor::of);

    assertThat(page.items()).containsExactly("a", "b");
    assertThat(Cursor.decode(page.nextCursor()).string(0)).isEqualTo("b");
  }

  @Test
  void noExtraRowMeansTheLastPage() {
    Page<String> page = Page.fromLookahead(List.of("a", "b"), PageRequest.of(2, null), Cursor::of);

    assertThat(page.nextCursor()).isNull();
    assertThat(page.map(String::toUpperCase).items()).containsExactly("A", "B");
  }

  @Test
  void pageRequestDefaultsAndBounds() {
    assertThat(PageRequest.of(null, null).limit()).isEqualTo(20);
    assertThat(PageRequest.of(null, "").cursor()).isEmpty();
    assertThat(PageRequest.of(100, null).fetchSize()).isEqualTo(101);
    assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> PageRequest.of(101, null)).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> PageRequest.of(10, "###")).isInstanceOf(BadRequestException.class);
  }
}
