package dev.stockroom.product;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.CacheControl;
import java.util.concurrent.TimeUnit;

/**
 * HTTP caching of public catalog reads (YAML key {@code catalog}): {@code Cache-Control: public,
 * max-age=N} so a reverse proxy or CDN may serve them briefly. Kept short because prices and
 * availability change; clients revalidate cheaply with {@code If-None-Match}.
 */
public class CatalogFactory {
  @NotNull
  @MaxDuration(value = 1, unit = TimeUnit.HOURS)
  private Duration cacheMaxAge = Duration.seconds(30);

  @JsonProperty
  public Duration getCacheMaxAge() {
    return cacheMaxAge;
  }

  @JsonProperty
  public void setCacheMaxAge(Duration cacheMaxAge) {
    this.cacheMaxAge = cacheMaxAge;
  }

  public CacheControl publicCache() {
    CacheControl cache = new CacheControl();
    cache.setNoTransform(false);
    cache.setMaxAge((int) cacheMaxAge.toSeconds());
    cache.getCacheExtension().put("public", null);
    return cache;
  }
}
