package io.fibonacci.presentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.model.identity.ApiKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's own command line, as an operator runs it: a separate JVM that manages keys in the
 * configured file, prints what it must, and exits by itself (no HTTP server keeps it alive).
 */
class ApiKeysCommandLineIT {

  @TempDir Path directory;

  private record Run(int status, String out, String err) {}

  private Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.fibonacci.Application");
    command.addAll(List.of(args));
    Path out = directory.resolve("out.txt");
    Path err = directory.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("AUTH_API_KEYS_FILE", directory.resolve("keys.tsv").toString());
    builder.environment().put("RATE_LIMIT_PLANS_TEAM_BUCKET_CAPACITY", "5000");
    builder.environment().remove("REDIS_URI");
    Process process = builder.start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the command did not exit: " + Files.readString(err));
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void createsListsAndRevokesKeysThenExits() throws Exception {
    Run created = run("api-keys", "create", "--plan", "team", "--label", "ci");
    assertThat(created.status()).as(created.err()).isZero();
    String key = created.out().trim();
    Run listed = run("api-keys", "list");
    String id = listed.out().lines().skip(1).findFirst().orElseThrow().split("\t")[0];
    Run revoked = run("api-keys", "revoke", id);
    Run unknownPlan = run("api-keys", "create", "--plan", "gold");

    assertThat(created.status()).as(created.err()).isZero();
    assertThat(ApiKey.parse(key).reveal()).isEqualTo(key);
    assertThat(listed.out()).contains("\tteam\t").contains("\tactive\tci");
    assertThat(revoked.status()).isZero();
    assertThat(Files.readString(directory.resolve("keys.tsv")))
        .contains(id)
        .contains("\trevoked\t")
        .doesNotContain(key);
    assertThat(unknownPlan.status()).isEqualTo(1);
    assertThat(unknownPlan.err()).contains("no plan gold").contains("team");
  }
}
