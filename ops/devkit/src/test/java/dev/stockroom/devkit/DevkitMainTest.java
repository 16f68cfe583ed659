package dev.stockroom.devkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DevkitMainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String commandLine) {
    String[] args = commandLine.isEmpty() ? new String[0] : commandLine.split(" ");
    return DevkitMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                                 | missing command",
        "broker --data d --port 9092                        | unknown command 'broker'",
        "kafka --port 9092                                  | --data is required",
        "kafka --data d                                     | --port is required",
        "kafka --data d --port nine                         | --port must be a number, not 'nine'",
        "kafka --data d --port 70000                        | --port must be between 0 and 65535",
        "kafka --data d --port -1                           | --port must be between 0 and 65535",
        "kafka --data d --port 9092 --controller-port 9092  | must differ",
        "kafka --data d --port 9092 --verbose yes           | unknown option '--verbose'",
        "kafka --data d --port                              | option --port needs a value",
        "kafka --data d --port 9092 extra                   | unexpected argument 'extra'",
      })
  void rejectsBadArgumentsWithAMessageAndTheUsageAndStatus2(String commandLine, String message) {
    int status = run(commandLine.strip());

    assertThat(status).isEqualTo(2);
    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(errors).startsWith("devkit: ").contains(message).contains("Usage: devkit kafka");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void helpPrintsUsageToStandardOutput() {
    int status = run("kafka --help");

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: devkit kafka --data DIR");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void acceptsSpaceAndEqualsFormsWithAnOptionalControllerPort() {
    assertThat(
            DevkitMain.KafkaCommand.parse(
                List.of("kafka", "--data", "var/kafka", "--port", "9092")))
        .isEqualTo(new DevkitMain.KafkaCommand(Path.of("var/kafka"), 9092, 0));
    assertThat(
            DevkitMain.KafkaCommand.parse(
                List.of("kafka", "--port=0", "--controller-port=9093", "--data=/tmp/k")))
        .isEqualTo(new DevkitMain.KafkaCommand(Path.of("/tmp/k"), 0, 9093));
  }
}
