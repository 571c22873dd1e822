package io.fibonacci.presentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.service.identity.ManageApiKeysService;
import io.fibonacci.domain.model.identity.ApiKey;
import io.fibonacci.infrastructure.file.FileApiKeyStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysCommandTest {

  @TempDir Path directory;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    var keys =
        new ManageApiKeysService(
            new FileApiKeyStore(directory.resolve("keys.tsv"), false),
            Set.of("free", "pro"),
            Clock.systemUTC(),
            new SecureRandom());
    return new ApiKeysCommand(
            keys,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .execute(List.of(args));
  }

  @Test
  void printsANewKeyOnceAndKeepsOnlyItsDigest() throws Exception {
    int status = run("create", "--plan", "pro", "--label", "nightly batch");

    String key = out.toString(StandardCharsets.UTF_8).trim();
    assertThat(status).isZero();
    assertThat(ApiKey.parse(key).digest().hex()).hasSize(64);
    assertThat(Files.readString(directory.resolve("keys.tsv")))
        .contains(ApiKey.parse(key).digest().hex(), "nightly batch", "pro")
        .doesNotContain(key);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("shown once").doesNotContain(key);
  }

  @Test
  void listsAndRevokesKeysById() {
    run("create", "--plan", "free");
    out.reset();
    run("list");
    String id =
        out.toString(StandardCharsets.UTF_8)
            .lines()
            .skip(1)
            .findFirst()
            .orElseThrow()
            .split("\t")[0];
    out.reset();

    int revoked = run("revoke", id);
    run("list");

    assertThat(revoked).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(id + "\tfree\t")
        .contains("\trevoked\t");
    assertThat(run("revoke", "key_000000000000")).isEqualTo(1);
  }

  @Test
  void refusesUnknownPlansAndBadUsage() {
    assertThat(run("create", "--plan", "gold")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no plan gold");
    assertThat(run("create")).isEqualTo(2);
    assertThat(run("rotate")).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
