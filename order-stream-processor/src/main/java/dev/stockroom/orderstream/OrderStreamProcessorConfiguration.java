package dev.stockroom.orderstream;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.orderstream.streams.StreamsFactory;
import dev.stockroom.orderstream.views.ViewsFactory;
import dev.stockroom.platform.auth.JwtAuthFactory;
import dev.stockroom.platform.kafka.KafkaFactory;
import dev.stockroom.platform.web.ApiFactory;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The stream processor's YAML: Dropwizard's {@code server}/{@code logging}/{@code metrics}, the
 * shared {@code kafka} (cluster address, client security, topics to create), {@code streams} (the
 * Kafka Streams application), {@code views} (interactive queries), {@code auth} and {@code api}.
 */
public class OrderStreamProcessorConfiguration extends Configuration {
  @Valid @NotNull private KafkaFactory kafka = new KafkaFactory();

  @Valid @NotNull private StreamsFactory streams = new StreamsFactory();

  @Valid @NotNull private ViewsFactory views = new ViewsFactory();

  @Valid @NotNull private JwtAuthFactory auth = new JwtAuthFactory();

  @Valid @NotNull private ApiFactory api = new ApiFactory();

  @JsonProperty
  public KafkaFactory getKafka() {
    return kafka;
  }

  @JsonProperty
  public void setKafka(KafkaFactory kafka) {
    this.kafka = kafka;
  }

  @JsonProperty
  public StreamsFactory getStreams() {
    return streams;
  }

  @JsonProperty
  public void setStreams(StreamsFactory streams) {
    this.streams = streams;
  }

  @JsonProperty
  public ViewsFactory getViews() {
    return views;
  }

  @JsonProperty
  public void setViews(ViewsFactory views) {
    this.views = views;
  }

  @JsonProperty
  public JwtAuthFactory getAuth() {
    return auth;
  }

  @JsonProperty
  public void setAuth(JwtAuthFactory auth) {
    this.auth = auth;
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
