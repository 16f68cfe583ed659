package dev.stockroom.platform.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.platform.db.DatabaseFactory;
import dev.stockroom.platform.kafka.KafkaFactory;
import dev.stockroom.platform.web.ApiFactory;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The YAML every service that owns a database and publishes its changes through the outbox has, on
 * top of Dropwizard's {@code server}/{@code logging}/{@code metrics}: {@code database}, {@code
 * kafka}, {@code outbox} and {@code api}. A service's configuration extends it with one small
 * factory per concern of its own.
 */
public abstract class OutboxServiceConfiguration extends Configuration {
  @Valid @NotNull private DatabaseFactory database = new DatabaseFactory();

  @Valid @NotNull private KafkaFactory kafka = new KafkaFactory();

  @Valid @NotNull private OutboxFactory outbox = new OutboxFactory();

  @Valid @NotNull private ApiFactory api = new ApiFactory();

  @JsonProperty
  public DatabaseFactory getDatabase() {
    return database;
  }

  @JsonProperty
  public void setDatabase(DatabaseFactory database) {
    this.database = database;
  }

  @JsonProperty
  public KafkaFactory getKafka() {
    return kafka;
  }

  @JsonProperty
  public void setKafka(KafkaFactory kafka) {
    this.kafka = kafka;
  }

  @JsonProperty
  public OutboxFactory getOutbox() {
    return outbox;
  }

  @JsonProperty
  public void setOutbox(OutboxFactory outbox) {
    this.outbox = outbox;
  }

  @JsonProperty
  public ApiFactory getApi() {
    return api;
  }

  @JsonProperty
  public void setApi(ApiFactory api) {
    this.api = api;
  }
}
