package dev.stockroom.platform.web;

import static dev.stockroom.devkit.HttpApi.assertProblem;
import static dev.stockroom.devkit.HttpApi.json;
import static dev.stockroom.platform.web.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cursor pagination over real HTTP: following Link headers, and refusing bad cursors. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(60)
class PaginationIT {
  static final DropwizardAppExtension<TestConfiguration> APP =
      new DropwizardAppExtension<>(
          TestApplication.class, ResourceHelpers.resourceFilePath("test-app.yml"));

  private static final Pattern NEXT = Pattern.compile("^<([^>]+)>; rel=\"next\"$");

  private static String base() {
    return "http://127.0.0.1:" + APP.getLocalPort();
  }

  private static Optional<String> nextLink(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Link")
        .map(
            link -> {
              Matcher matcher = NEXT.matcher(link);
              assertThat(matcher.matches()).as("Link %s", link).isTrue();
              return matcher.group(1);
            });
  }

  @Test
  void followingNextLinksVisitsEveryItemOnceInOrder() {
    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    Optional<String> next = Optional.of("/test/items?limit=20");
    while (next.isPresent()) {
      assertThat(next.get()).startsWith("/test/items?");
      HttpResponse<String> response = get(base() + next.get());
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode page = json(response);
      page.path("items").forEach(item -> seen.add(item.path("id").asText()));
      pageSizes.add(page.path("items").size());
      next = nextLink(response);
      assertThat(next.isPresent()).isEqualTo(!page.path("nextCursor").isNull());
    }

    assertThat(pageSizes).containsExactly(20, 20, 5);
    assertThat(seen)
        .containsExactlyElementsOf(
            TestResource.ITEMS.stream().map(item -> item.id().toString()).toList());
  }

  @Test
  void defaultLimitIsTwenty() {
    JsonNode page = json(get(base() + "/test/items"));

    assertThat(page.path("items").size()).isEqualTo(PageRequest.DEFAULT_LIMIT);
    assertThat(page.path("nextCursor").asText()).isNotEmpty();
  }

  @Test
  void lastPageHasANullCursorAndNoLink() {
    HttpResponse<String> response = get(base() + "/test/items?limit=100");

    assertThat(json(response).path("items").size()).isEqualTo(45);
    assertThat(json(response).has("nextCursor")).isTrue();
    assertThat(json(response).path("nextCursor").isNull()).isTrue();
    assertThat(response.headers().firstValue("Link")).isEmpty();
  }

  @Test
  void malformedCursorsAre400NamingTheCursor() {
    String notBase64 = "!!!";
    String notJson =
        Base64.getUrlEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
    String wrongShape =
        Base64.getUrlEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    String wrongArity = Cursor.of("item-01").encode();
    String wrongTypes = Cursor.of("item-01", "not-a-uuid").encode();
    String tooLong = "A".repeat(Cursor.MAX_ENCODED_LENGTH + 1);

    for (String cursor : List.of(notBase64, notJson, wrongShape, wrongArity, wrongTypes, tooLong)) {
      JsonNode problem = assertProblem(get(base() + "/test/items?cursor=" + cursor), 400);
      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("cursor");
    }
  }

  @Test
  void limitOutsideOneToAHundredIs400() {
    for (String limit : List.of("0", "-1", "101", "abc", "99999999999")) {
      JsonNode problem = assertProblem(get(base() + "/test/items?limit=" + limit), 400);
      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("limit");
    }
  }

  @Test
  void cursorFromAnotherPositionStillWorks() {
    TestResource.Item third = TestResource.ITEMS.get(2);
    String cursor = Cursor.of(third.name(), third.id()).encode();

    JsonNode page = json(get(base() + "/test/items?limit=1&cursor=" + cursor));

    assertThat(page.path("items").get(0).path("id").asText())
        .isEqualTo(TestResource.ITEMS.get(3).id().toString());
    assertThat(UUID.fromString(Cursor.decode(page.path("nextCursor").asText()).uuid(1).toString()))
        .isEqualTo(TestResource.ITEMS.get(3).id());
  }
}
