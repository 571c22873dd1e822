package io.fibonacci.infrastructure.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis Cluster for a test class: six {@code redis-server --cluster-enabled yes} processes
 * (3 masters, 3 replicas) on free ports whose bus port (+10000) is free too, joined by {@code
 * redis-cli --cluster create}, stopped after the class. Without redis-server the tests are skipped
 * with a message, except under {@code CI=true}, where that is a failure.
 */
public final class RedisClusterTestServer implements BeforeAllCallback, AfterAllCallback {

  private static final int NODES = 6;

  private final List<Process> servers = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();
  private Path directory;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    boolean available = onPath("redis-server") && onPath("redis-cli");
    if (!available && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI=true: redis-server and redis-cli are needed for the cluster tests");
    }
    assumeTrue(
        available, "redis-server or redis-cli is not installed: Redis Cluster tests skipped");
    directory = Files.createTempDirectory("redis-cluster");
    for (int port : freePorts()) {
      ports.add(port);
      servers.add(
          new ProcessBuilder(
                  "redis-server",
                  "--port",
                  Integer.toString(port),
                  "--bind",
                  "127.0.0.1",
                  "--cluster-enabled",
                  "yes",
                  "--cluster-config-file",
                  "nodes-" + port + ".conf",
                  "--cluster-node-timeout",
                  "2000",
                  "--save",
                  "",
                  "--appendonly",
                  "no",
                  "--dir",
                  directory.toString())
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("redis-" + port + ".log").toFile())
              .start());
    }
    for (int port : ports) {
      await(() -> run("redis-cli", "-p", Integer.toString(port), "ping").contains("PONG"));
    }
    List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    ports.forEach(port -> create.add("127.0.0.1:" + port));
    create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
    run(create.toArray(String[]::new));
    for (int port : ports) {
      await(
          () ->
              run("redis-cli", "-p", Integer.toString(port), "cluster", "info")
                  .contains("cluster_state:ok"));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    servers.forEach(Process::destroyForcibly);
    for (Process server : servers) {
      try {
        server.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** Some of the nodes, as the service is given them ({@code REDIS_CLUSTER_URIS}). */
  public List<String> seeds() {
    return ports.subList(0, 3).stream().map(port -> "redis://127.0.0.1:" + port).toList();
  }

  /** The output of {@code redis-cli} against the first node, with {@code -c} to follow slots. */
  public String cli(String... arguments) {
    List<String> command =
        new ArrayList<>(List.of("redis-cli", "-c", "-p", ports.get(0).toString()));
    command.addAll(List.of(arguments));
    return run(command.toArray(String[]::new));
  }

  private static List<Integer> freePorts() {
    List<Integer> found = new ArrayList<>();
    int start = 20_000 + (int) (ProcessHandle.current().pid() % 10_000);
    for (int port = start; found.size() < NODES && port < 55_000; port++) {
      if (free(port) && free(port + 10_000)) {
        found.add(port);
      }
    }
    return found;
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static String run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(30, TimeUnit.SECONDS);
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void await(BooleanSupplier condition) {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException("the Redis Cluster did not come up within 30 s");
  }
}
