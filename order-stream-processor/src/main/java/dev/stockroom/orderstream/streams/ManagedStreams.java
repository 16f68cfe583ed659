package dev.stockroom.orderstream.streams;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Kafka Streams application for Dropwizard's lifecycle. Starting never blocks the server:
 * the internal topics are checked and the streams started on a background thread, retried while
 * Kafka or the input topics are not there yet, so the admin port can report why it is not ready.
 * Stopping (SIGTERM runs Dropwizard's shutdown) closes the streams cleanly: the open transaction is
 * committed or aborted and the group is told this member leaves.
 */
public class ManagedStreams implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(ManagedStreams.class);

  private final Topology topology;
  private final Properties properties;
  private final HostInfo self;
  private final InternalTopics internalTopics;
  private final Supplier<Admin> admins;
  private final Duration closeTimeout;
  private final Duration retryInterval;
  private final ScheduledExecutorService starter =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "order-stream-starter");
            thread.setDaemon(true);
            return thread;
          });

  private volatile KafkaStreams streams;
  private volatile String problem = "not started";
  private volatile boolean fatal;

  public ManagedStreams(
      Topology topology,
      Properties properties,
      HostInfo self,
      InternalTopics internalTopics,
      Supplier<Admin> admins,
      Duration closeTimeout,
      Duration retryInterval) {
    this.topology = topology;
    this.properties = properties;
    this.self = self;
    this.internalTopics = internalTopics;
    this.admins = admins;
    this.closeTimeout = closeTimeout;
    this.retryInterval = retryInterval;
  }

  @Override
  public void start() {
    problem = "starting";
    starter.execute(this::tryStart);
  }

  private void tryStart() {
    try (Admin admin = admins.get()) {
      internalTopics.ensure(admin);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (IllegalStateException e) {
      fatal = true;
      problem = e.getMessage();
      LOG.error("Cannot start the stream processor: {}", e.getMessage());
      return;
    } catch (Exception e) {
      problem = "waiting for Kafka: " + e.getMessage();
      LOG.warn("Stream processor not started, retrying in {}: {}", retryInterval, e.getMessage());
      starter.schedule(this::tryStart, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    KafkaStreams created = new KafkaStreams(topology, properties);
    created.setUncaughtExceptionHandler(
        e -> {
          // A processing bug or a fenced producer that Streams could not recover from: stop this
          // client so the liveness check fails and the orchestrator restarts it from committed
          // state, instead of limping on with fewer threads.
          LOG.error("Stream thread failed; shutting the stream processor down", e);
          fatal = true;
          problem = "stream thread failed: " + e;
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    created.setStateListener(
        (next, previous) -> LOG.info("Kafka Streams state {} -> {}", previous, next));
    streams = created;
    problem = null;
    created.start();
  }

  @Override
  public void stop() {
    starter.shutdownNow();
    KafkaStreams running = streams;
    if (running != null) {
      boolean closed =
          running.close(
              CloseOptions.groupMembershipOperation(
                      CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                  .withTimeout(closeTimeout));
      if (!closed) {
        LOG.warn("Kafka Streams did not close within {}", closeTimeout);
      }
    }
  }

  /** The running client, or null before it started. */
  public KafkaStreams streams() {
    return streams;
  }

  /** The client's state, or null before it started. */
  public KafkaStreams.State state() {
    KafkaStreams running = streams;
    return running == null ? null : running.state();
  }

  /** This instance's API address, as the other instances know it. */
  public HostInfo self() {
    return self;
  }

  public Topology topology() {
    return topology;
  }

  /**
   * False once the processor cannot recover by itself (a failed stream thread, a wrongly
   * partitioned internal topic): the process should be restarted or repaired.
   */
  public boolean isAlive() {
    KafkaStreams.State state = state();
    return !fatal && state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR;
  }

  /** Why the processor is not running, or null when it is. */
  public String problem() {
    return problem;
  }
}
