package dev.stockroom.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Jetty's per-connection header cache is off on every connector of a running service, unless {@code
 * api.connectionHeaderCache} turns it back on.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConnectionHeaderCacheIT {
  static final DropwizardAppExtension<TestConfiguration> APP =
      new DropwizardAppExtension<>(
          TestApplication.class, ResourceHelpers.resourceFilePath("test-app.yml"));

  @Test
  void everyConnectorOfTheRunningServerHasItOff() {
    Server server = APP.getEnvironment().getApplicationContext().getServer();

    List<Integer> sizes = headerCacheSizes(server);

    assertThat(sizes).as("application and admin connectors").hasSize(2).containsOnly(0);
  }

  @Test
  void turnedOnEachConnectorKeepsItsConfiguredSize() {
    Server server = serverWithHeaderCacheSize(512);

    ApiFactory.applyHeaderCache(server, true);

    assertThat(headerCacheSizes(server)).containsExactly(512);
  }

  @Test
  void leftOffAConfiguredSizeIsOverridden() {
    Server server = serverWithHeaderCacheSize(512);

    ApiFactory.applyHeaderCache(server, false);

    assertThat(headerCacheSizes(server)).containsExactly(0);
  }

  private static Server serverWithHeaderCacheSize(int bytes) {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setHeaderCacheSize(bytes);
    server.addConnector(new ServerConnector(server, new HttpConnectionFactory(http)));
    return server;
  }

  /** Each connector's, looking inside the factories Dropwizard wraps for metrics. */
  private static List<Integer> headerCacheSizes(Server server) {
    List<Integer> sizes = new ArrayList<>();
    for (Connector connector : server.getConnectors()) {
      Collection<HttpConnectionFactory> http =
          ((ContainerLifeCycle) connector).getContainedBeans(HttpConnectionFactory.class);
      assertThat(http).as("HTTP connection factories of %s", connector).hasSize(1);
      sizes.add(http.iterator().next().getHttpConfiguration().getHeaderCacheSize());
    }
    return sizes;
  }
}
