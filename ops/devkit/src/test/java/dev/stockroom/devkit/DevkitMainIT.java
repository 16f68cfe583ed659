package dev.stockroom.devkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code target/devkit.jar} (built by the package phase, before failsafe runs) as the stack
 * script does: its own process, stopped with SIGTERM.
 */
class DevkitMainIT {

  private static final Path JAR = Path.of("target", "devkit.jar");
  private static final Pattern READY =
      Pattern.compile("Kafka broker ready at (127\\.0\\.0\\.1:\\d+) \\(controller .*, data .*\\)");
  private static final Duration STARTUP = Duration.ofSeconds(90);

  @TempDir Path work;
  private final List<Broker> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() throws InterruptedException {
    for (Broker broker : started) {
      if (broker.process.isAlive()) {
        broker.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void servesUntilSigtermStopsItCleanlyAndTheNextProcessStillHasTheData() throws Exception {
    Path data = work.resolve("kafka");

    Broker first = start(data, "--port", "0");
    assertThat(first.stdout).hasSize(1);
    try (KafkaProducer<String, String> producer = producer(first.bootstrapServers)) {
      producer.send(new ProducerRecord<>("devkit-main", "order-1", "kept across restarts")).get();
    }

    // A second broker on a directory in use would corrupt it: it must refuse and leave.
    Path intruderLog = work.resolve("intruder.log");
    Process intruder = launch(data, intruderLog, "--port", "0");
    assertThat(intruder.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(intruder.exitValue()).isEqualTo(1);
    assertThat(Files.readString(intruderLog))
        .contains("devkit: cannot start Kafka: Kafka data directory")
        .contains("is in use by another running broker");
    assertThat(first.process.isAlive()).isTrue();

    sigterm(first.process);
    assertThat(first.process.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
    // 143 = 128 + SIGTERM: the JVM's status after shutdown hooks ran on that signal.
    assertThat(first.process.exitValue()).isEqualTo(143);
    assertThat(first.allStdout())
        .as("stdout; stderr was:%n%s", first.stderr())
        .last()
        .isEqualTo("Kafka broker stopped");
    assertThat(first.stderr()).doesNotContain("ERROR");

    Broker second = start(data, "--port", "0");
    assertThat(readAll(second.bootstrapServers, "devkit-main", 1))
        .extracting(ConsumerRecord::value)
        .containsExactly("kept across restarts");
    sigterm(second.process);
    assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void badArgumentsExitWithStatus2AndTheUsage() throws Exception {
    Path log = work.resolve("bad-args.log");
    Process process =
        new ProcessBuilder(java(), "-jar", JAR.toString(), "kafka", "--port", "9092")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(Files.readString(log)).contains("devkit: --data is required").contains("Usage:");
  }

  private Broker start(Path data, String... options) throws IOException {
    Path stderr = work.resolve("broker-" + started.size() + ".log");
    Process process = launch(data, stderr, options);
    Broker broker = new Broker(process, stderr);
    started.add(broker);
    await("ready line of " + String.join(" ", options))
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !broker.stdout.isEmpty() || !process.isAlive());
    assertThat(process.isAlive()).as("broker process alive; stderr:%n%s", broker.stderr()).isTrue();
    Matcher ready = READY.matcher(broker.stdout.get(0));
    assertThat(ready.matches()).as("ready line: %s", broker.stdout.get(0)).isTrue();
    broker.bootstrapServers = ready.group(1);
    return broker;
  }

  /**
   * Sends SIGTERM. {@code Process.destroy()} sends the same signal but also closes our end of the
   * process's output pipes, which would lose what it prints while shutting down.
   */
  private static void sigterm(Process process) {
    assertThat(process.toHandle().destroy()).as("SIGTERM sent").isTrue();
  }

  private static Process launch(Path data, Path stderr, String... options) throws IOException {
    assertThat(JAR).as("run the package phase first").exists();
    List<String> command =
        new ArrayList<>(
            List.of(
                java(),
                // Short-lived test brokers: a quick JIT and a small heap start faster on two cores.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx256m",
                "-jar",
                JAR.toString(),
                "kafka",
                "--data",
                data.toString()));
    command.addAll(List.of(options));
    return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static KafkaProducer<String, String> producer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new StringSerializer());
  }

  private static List<ConsumerRecord<String, String>> readAll(
      String bootstrapServers, String topic, int expected) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** A devkit process, with its standard output collected line by line as it arrives. */
  private static final class Broker {
    final Process process;
    final Path stderrFile;
    final List<String> stdout = new CopyOnWriteArrayList<>();
    private final Thread reader;
    String bootstrapServers;

    Broker(Process process, Path stderrFile) {
      this.process = process;
      this.stderrFile = stderrFile;
      reader = new Thread(this::readStdout, "devkit-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    /** Everything the ended process wrote, once the reader has drained the pipe. */
    List<String> allStdout() throws InterruptedException {
      reader.join(Duration.ofSeconds(10).toMillis());
      return stdout;
    }

    String stderr() {
      try {
        return Files.readString(stderrFile);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void readStdout() {
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          stdout.add(line);
        }
      } catch (IOException e) {
        // The process ended; what was read is in stdout.
      }
    }
  }
}
