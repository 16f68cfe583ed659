package dev.stockroom.devkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft combined mode: broker and controller in one server) that
 * runs inside the calling JVM.
 *
 * <p>The data directory is formatted only when it holds no {@code meta.properties}, so a broker
 * started again on the same directory sees everything written before. Both listeners bind to
 * 127.0.0.1 only. {@link #stop()} and {@link #restart()} keep the directory and the client port,
 * which lets a test take the broker away from running clients and bring it back at the same
 * address.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
  private static final String HOST = "127.0.0.1";
  private static final int NODE_ID = 1;
  private static final String LOCK_FILE = "devkit.lock";

  private final Path dataDir;
  private final int port;
  private final int requestedControllerPort;
  private int controllerPort;
  private final Map<String, String> overrides;
  private KafkaRaftServer server;
  private FileChannel lockChannel;

  private KafkaBroker(Path dataDir, int port, int controllerPort, Map<String, String> overrides) {
    this.dataDir = dataDir;
    this.port = port;
    this.requestedControllerPort = controllerPort;
    this.overrides = Map.copyOf(overrides);
  }

  /**
   * Starts a broker on {@code dataDir} (created and formatted if needed), listening for clients on
   * {@code port} (0 picks a free port) with the controller on a free port.
   */
  public static KafkaBroker start(Path dataDir, int port) {
    return start(dataDir, port, 0, Map.of());
  }

  /**
   * Starts a broker like {@link #start(Path, int)}, with the controller listener on {@code
   * controllerPort} (0 picks a free port).
   */
  public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
    return start(dataDir, port, controllerPort, Map.of());
  }

  /**
   * Starts a broker like {@link #start(Path, int, int)}, with extra broker properties that override
   * the defaults (for example {@code auto.create.topics.enable=false}).
   */
  public static KafkaBroker start(
      Path dataDir, int port, int controllerPort, Map<String, String> brokerOverrides) {
    Path dir = dataDir.toAbsolutePath().normalize();
    int clientPort = port == 0 ? freePort() : port;
    if (clientPort == controllerPort) {
      throw new IllegalArgumentException(
          "client port and controller port must differ, both are " + clientPort);
    }
    KafkaBroker broker = new KafkaBroker(dir, clientPort, controllerPort, brokerOverrides);
    broker.startServer();
    return broker;
  }

  /** The address clients use, {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  /** The client listener port (fixed for the life of this object, across restarts). */
  public int port() {
    return port;
  }

  /**
   * The KRaft controller listener port. Only the broker itself connects to it; when it was picked
   * freely, each (re)start picks again, since a port freed by a stop may meanwhile serve as some
   * client's ephemeral port.
   */
  public synchronized int controllerPort() {
    return controllerPort;
  }

  /** The log directory holding all topic data and the metadata log. */
  public Path dataDir() {
    return dataDir;
  }

  /** Whether the broker is currently serving. */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /** Shuts the broker down cleanly, keeping its data. Does nothing if it is already stopped. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    long started = System.nanoTime();
    KafkaRaftServer stopping = server;
    server = null;
    try {
      stopping.shutdown();
      stopping.awaitShutdown();
    } finally {
      unlockDataDir();
    }
    LOG.info(
        "Kafka broker on {} stopped in {} ms",
        bootstrapServers(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  /**
   * Starts the broker again on the same directory and client port, stopping it first if running.
   */
  public synchronized void restart() {
    stop();
    startServer();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private synchronized void startServer() {
    long started = System.nanoTime();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create Kafka data directory " + dataDir, e);
    }
    lockDataDir();
    controllerPort = requestedControllerPort == 0 ? freePort(port) : requestedControllerPort;
    try {
      server = startLocked();
    } catch (RuntimeException e) {
      unlockDataDir();
      throw e;
    }
    LOG.info(
        "Kafka broker ready on {} (controller {}:{}, data {}) in {} ms",
        bootstrapServers(),
        HOST,
        controllerPort,
        dataDir,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  private KafkaRaftServer startLocked() {
    KafkaConfig config = new KafkaConfig(brokerProperties(), false);
    if (!Files.exists(dataDir.resolve("meta.properties"))) {
      format();
    }
    KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      // Returns once the broker is unfenced and its listeners accept requests.
      starting.startup();
    } catch (RuntimeException e) {
      starting.shutdown();
      starting.awaitShutdown();
      throw new IllegalStateException(
          "Kafka broker failed to start on " + bootstrapServers() + " with data in " + dataDir, e);
    }
    return starting;
  }

  /**
   * Claims the data directory for this broker, in this JVM and across processes. Kafka's own lock
   * on a log directory is taken late in start-up, after the controller has already appended to the
   * metadata log in that directory; a second broker on the same directory would corrupt it before
   * failing, so this lock is taken first.
   */
  private void lockDataDir() {
    Path lockFile = dataDir.resolve(LOCK_FILE);
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open " + lockFile, e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException | IOException e) {
      lock = null;
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new IllegalStateException(
          "Kafka data directory " + dataDir + " is in use by another running broker");
    }
    lockChannel = channel;
  }

  private void unlockDataDir() {
    if (lockChannel != null) {
      // Closing the channel releases the lock.
      closeQuietly(lockChannel);
      lockChannel = null;
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.warn("Could not close {}", channel, e);
    }
  }

  private Map<String, String> brokerProperties() {
    Map<String, String> p = new HashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", dataDir.toString());

    // One broker: every internal topic must be satisfiable with a single replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");

    // Fewer internal partitions and small preallocated files keep start-up, the first
    // transaction and the first consumer group fast and the disk footprint small.
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.num.partitions", "1");
    p.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
    p.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
    p.put("metadata.log.segment.bytes", Integer.toString(8 * 1024 * 1024));

    // A consumer group forms at once instead of waiting for more members.
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("num.partitions", "3");
    p.putAll(overrides);
    return p;
  }

  private void format() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (PrintStream formatterOutput = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      new Formatter()
          .setPrintStream(formatterOutput)
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(dataDir.toString())
          .addDirectory(dataDir.toString())
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot format Kafka data directory " + dataDir, e);
    }
    LOG.info("Formatted new Kafka data directory {}", dataDir);
    LOG.debug("Formatter output: {}", output.toString(StandardCharsets.UTF_8).trim());
  }

  private static int freePort(int... avoid) {
    for (int attempt = 0; attempt < 10; attempt++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
        int candidate = socket.getLocalPort();
        boolean taken = false;
        for (int other : avoid) {
          taken |= other == candidate;
        }
        if (!taken) {
          return candidate;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot find a free port on " + HOST, e);
      }
    }
    throw new IllegalStateException("Cannot find a free port on " + HOST);
  }
}
