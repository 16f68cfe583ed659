package dev.stockroom.product;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.stockroom.product.core.CachedCatalogReads;
import dev.stockroom.product.core.CatalogReads;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.CacheControl;
import java.util.concurrent.TimeUnit;

/**
 * Caching of public catalog reads (YAML key {@code catalog}). Over HTTP, {@code Cache-Control:
 * public, max-age=N} so a reverse proxy or CDN may serve them briefly; kept short because prices
 * and availability change, and clients revalidate cheaply with {@code If-None-Match}. In the
 * process, single-product reads are remembered for {@code localCacheTtl} (0 turns it off), at most
 * {@code localCacheSize} products: a hot product costs one query per TTL, not one per request.
 */
public class CatalogFactory {
  @NotNull
  @MaxDuration(value = 1, unit = TimeUnit.HOURS)
  private Duration cacheMaxAge = Duration.seconds(30);

  @NotNull
  @MaxDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration localCacheTtl = Duration.seconds(1);

  @Min(1)
  private long localCacheSize = 10_000;

  @JsonProperty
  public Duration getCacheMaxAge() {
    return cacheMaxAge;
  }

  @JsonProperty
  public void setCacheMaxAge(Duration cacheMaxAge) {
    this.cacheMaxAge = cacheMaxAge;
  }

  @JsonProperty
  public Duration getLocalCacheTtl() {
    return localCacheTtl;
  }

  @JsonProperty
  public void setLocalCacheTtl(Duration localCacheTtl) {
    this.localCacheTtl = localCacheTtl;
  }

  @JsonProperty
  public long getLocalCacheSize() {
    return localCacheSize;
  }

  @JsonProperty
  public void setLocalCacheSize(long localCacheSize) {
    this.localCacheSize = localCacheSize;
  }

  /** {@code reads} behind the in-process cache, or {@code reads} itself when the TTL is 0. */
  public CatalogReads cached(CatalogReads reads) {
    if (localCacheTtl.toNanoseconds() == 0) {
      return reads;
    }
    return new CachedCatalogReads(
        reads, localCacheTtl.toJavaDuration(), localCacheSize, Ticker.systemTicker());
  }

  public CacheControl publicCache() {
    CacheControl cache = new CacheControl();
    cache.setNoTransform(false);
    cache.setMaxAge((int) cacheMaxAge.toSeconds());
    cache.getCacheExtension().put("public", null);
    return cache;
  }
}
