package dev.stockroom.orderstream.streams;

import io.dropwizard.core.setup.Environment;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Admin-port endpoints for operators and probes: {@code /topology} (the topology description, to
 * compare deployments and read internal topic and store names) and {@code /alive} (liveness: 200
 * unless the processor failed for good; {@code /healthcheck} is the readiness probe).
 */
final class AdminServlets {
  static final String TOPOLOGY_PATH = "/topology";
  static final String ALIVE_PATH = "/alive";

  private AdminServlets() {}

  static void register(Environment environment, ManagedStreams streams) {
    environment
        .admin()
        .addServlet("topology", new TopologyServlet(streams))
        .addMapping(TOPOLOGY_PATH);
    environment.admin().addServlet("alive", new AliveServlet(streams)).addMapping(ALIVE_PATH);
  }

  private static void text(HttpServletResponse response, int status, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }

  private static final class TopologyServlet extends HttpServlet {
    private final transient ManagedStreams streams;

    TopologyServlet(ManagedStreams streams) {
      this.streams = streams;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      text(response, HttpServletResponse.SC_OK, streams.topology().describe().toString());
    }
  }

  private static final class AliveServlet extends HttpServlet {
    private final transient ManagedStreams streams;

    AliveServlet(ManagedStreams streams) {
      this.streams = streams;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      KafkaStreams.State state = streams.state();
      String name = state == null ? "NOT_STARTED" : state.name();
      if (streams.isAlive()) {
        text(response, HttpServletResponse.SC_OK, name + "\n");
      } else {
        String problem = streams.problem();
        text(
            response,
            HttpServletResponse.SC_SERVICE_UNAVAILABLE,
            name + (problem == null ? "" : ": " + problem) + "\n");
      }
    }
  }
}
