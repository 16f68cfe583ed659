package dev.stockroom.platform.consumer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;

/**
 * A {@link ConsumerFactory} for a consumer the service can run without ({@code enabled: false}),
 * such as a worker another deployment runs instead.
 */
public class OptionalConsumerFactory extends ConsumerFactory {
  private boolean enabled = true;

  public OptionalConsumerFactory() {}

  public OptionalConsumerFactory(String groupId, Duration unhealthyAfter) {
    super(groupId, unhealthyAfter);
  }

  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
