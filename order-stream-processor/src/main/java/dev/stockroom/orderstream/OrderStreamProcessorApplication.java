package dev.stockroom.orderstream;

import dev.stockroom.orderstream.bench.BenchmarkCommand;
import dev.stockroom.orderstream.resources.OrderStatusResource;
import dev.stockroom.orderstream.resources.StockResource;
import dev.stockroom.orderstream.streams.ManagedStreams;
import dev.stockroom.orderstream.views.ViewsFactory;
import dev.stockroom.platform.kafka.KafkaFactory;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;

/**
 * order-stream-processor: the Kafka Streams application that reserves stock for orders (see {@link
 * dev.stockroom.orderstream.topology.OrderTopology}) and serves the stock and order-status views.
 * The one place where its objects are created and wired.
 */
public class OrderStreamProcessorApplication
    extends Application<OrderStreamProcessorConfiguration> {
  public static void main(String[] args) throws Exception {
    new OrderStreamProcessorApplication().run(args);
  }

  @Override
  public String getName() {
    return "order-stream-processor";
  }

  @Override
  public void initialize(Bootstrap<OrderStreamProcessorConfiguration> bootstrap) {
    // ${VAR} and ${VAR:-default} in the YAML; an unset variable without default fails startup.
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
    bootstrap.addCommand(new BenchmarkCommand());
  }

  @Override
  public void run(OrderStreamProcessorConfiguration configuration, Environment environment) {
    configuration.getApi().build(environment, configuration.getServerFactory());
    configuration.getAuth().build(environment);

    KafkaFactory kafka = configuration.getKafka();
    kafka.build(environment);
    ManagedStreams streams = configuration.getStreams().build(environment, kafka);

    ViewsFactory.Views views = configuration.getViews().build(environment, streams);
    environment.jersey().register(new StockResource(views.stock()));
    environment.jersey().register(new OrderStatusResource(views.orderStatus(), views.maxWait()));
  }
}
