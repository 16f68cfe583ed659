package dev.stockroom.orderstream.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockroom.orderstream.api.StockListResponse;
import dev.stockroom.orderstream.api.StockResponse;
import dev.stockroom.orderstream.topology.OrderTopology;
import dev.stockroom.orderstream.topology.StockState;
import dev.stockroom.platform.errors.NotFoundException;
import jakarta.ws.rs.container.AsyncResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;

/** The stock view: answered from the local store, or fetched from the instance that owns it. */
public class StockViews {
  static final String PATH = "/api/v1/stock";

  private final StoreLookups lookups;
  private final Forwarder forwarder;
  private final ObjectMapper json;
  private final Duration retryAfter;

  public StockViews(
      StoreLookups lookups, Forwarder forwarder, ObjectMapper json, Duration retryAfter) {
    this.lookups = lookups;
    this.forwarder = forwarder;
    this.json = json;
    this.retryAfter = retryAfter;
  }

  /** Resumes {@code response} with the product's stock, a 404, or a 503. */
  public void one(UUID productId, String authorization, boolean forwarded, AsyncResponse response) {
    Lookup<StockState> lookup = lookups.find(OrderTopology.STOCK_STORE, productId.toString());
    if (lookup instanceof Lookup.Found<StockState> found) {
      response.resume(StockResponse.from(found.value()));
    } else if (lookup instanceof Lookup.Absent<StockState>) {
      response.resume(new NotFoundException("no stock level was ever set for " + productId));
    } else if (lookup instanceof Lookup.Elsewhere<StockState> elsewhere && !forwarded) {
      forwarder
          .get(elsewhere.host(), PATH + "/" + productId, authorization, Duration.ZERO)
          .whenComplete((answer, failure) -> Relay.resume(response, answer, failure, retryAfter));
    } else {
      response.resume(unavailable(lookup));
    }
  }

  /**
   * Resumes {@code response} with the stock of every known product among {@code productIds}, in
   * request order: local ones from the store, the rest with one request per owning instance. If any
   * part cannot be answered the whole answer is a 503, never a partial list that looks complete.
   */
  public void many(
      List<UUID> productIds, String authorization, boolean forwarded, AsyncResponse response) {
    Map<UUID, StockResponse> found = new HashMap<>();
    Map<HostInfo, List<UUID>> remote = new LinkedHashMap<>();
    for (UUID productId : productIds) {
      Lookup<StockState> lookup = lookups.find(OrderTopology.STOCK_STORE, productId.toString());
      if (lookup instanceof Lookup.Found<StockState> f) {
        found.put(productId, StockResponse.from(f.value()));
      } else if (lookup instanceof Lookup.Elsewhere<StockState> e && !forwarded) {
        remote.computeIfAbsent(e.host(), h -> new ArrayList<>()).add(productId);
      } else if (!(lookup instanceof Lookup.Absent<StockState>)) {
        response.resume(unavailable(lookup));
        return;
      }
      // An absent product was never stocked: it is left out of the list.
    }
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (Map.Entry<HostInfo, List<UUID>> host : remote.entrySet()) {
      String query =
          host.getValue().stream()
              .map(id -> "productId=" + URLEncoder.encode(id.toString(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      calls.add(forwarder.get(host.getKey(), PATH + "?" + query, authorization, Duration.ZERO));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
        .whenComplete(
            (done, failure) -> {
              if (failure != null) {
                response.resume(Relay.unreachable(failure, retryAfter));
                return;
              }
              for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> answer = call.join();
                if (answer.statusCode() != 200) {
                  response.resume(Relay.response(answer));
                  return;
                }
                try {
                  for (StockResponse item :
                      json.readValue(answer.body(), StockListResponse.class).items()) {
                    found.put(item.productId(), item);
                  }
                } catch (IOException e) {
                  response.resume(Relay.unreachable(e, retryAfter));
                  return;
                }
              }
              List<StockResponse> items = new ArrayList<>();
              for (UUID productId : productIds) {
                StockResponse item = found.get(productId);
                if (item != null && !items.contains(item)) {
                  items.add(item);
                }
              }
              response.resume(new StockListResponse(items));
            });
  }

  private ViewUnavailableException unavailable(Lookup<?> lookup) {
    if (lookup instanceof Lookup.Unavailable<?> unavailable) {
      return new ViewUnavailableException(unavailable.reason(), retryAfter);
    }
    // Forwarded here, yet another instance owns the key: ownership is moving. Answer 503 rather
    // than forward again, so two instances with different metadata cannot bounce a request.
    return new ViewUnavailableException("the key is moving between instances", retryAfter);
  }
}
