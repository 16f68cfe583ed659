package dev.stockroom.platform.metrics;

import com.codahale.metrics.MetricRegistry;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the Dropwizard {@link MetricRegistry} in the Prometheus text exposition format ({@code
 * text/plain; version=0.0.4}) for scrapers on the admin port. The bridge reads the registry on
 * every scrape, so metrics registered after startup appear without re-registration.
 */
public class PrometheusServlet extends HttpServlet {
  public static final String PATH = "/prometheus";

  private final transient PrometheusRegistry registry = new PrometheusRegistry();
  private final transient PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  public PrometheusServlet(MetricRegistry metrics) {
    DropwizardExports.builder().dropwizardRegistry(metrics).register(registry);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(writer.getContentType());
    response.setHeader("Cache-Control", "must-revalidate,no-cache,no-store");
    writer.write(response.getOutputStream(), registry.scrape());
  }
}
