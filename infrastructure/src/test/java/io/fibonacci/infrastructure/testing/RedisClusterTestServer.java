package io.fibonacci.infrastructure.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fibonacci.infrastructure.redis.RedisLink;
import io.fibonacci.infrastructure.redis.RedisLinks;
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

  /** How long a master may be silent before its replica takes over. */
  public static final Duration NODE_TIMEOUT = Duration.ofSeconds(2);

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final List<Process> servers = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();
  private Path directory;
  private RedisLinks links;
  private String owner;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (owner != null) {
      return; // a nested class of the one that started the cluster
    }
    boolean available = onPath("redis-server") && onPath("redis-cli");
    if (!available && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI=true: redis-server and redis-cli are needed for the cluster tests");
    }
    assumeTrue(
        available, "redis-server or redis-cli is not installed: Redis Cluster tests skipped");
    owner = context.getUniqueId();
    directory = Files.createTempDirectory("redis-cluster");
    for (int port : freePorts()) {
      ports.add(port);
      servers.add(start(port));
    }
    for (int port : ports) {
      await(() -> on(port, "ping").contains("PONG"));
    }
    List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    ports.forEach(port -> create.add("127.0.0.1:" + port));
    create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
    run(create.toArray(String[]::new));
    awaitHealthy();
  }

  private Process start(int port) throws IOException {
    return new ProcessBuilder(
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
            Long.toString(NODE_TIMEOUT.toMillis()),
            // A replica syncs at once (the default waits 5 s for others to share a transfer): one
            // that never synced may not take over from its master.
            "--repl-diskless-sync-delay",
            "0",
            // as recommended for production: the other masters answer while one fails over
            "--cluster-require-full-coverage",
            "no",
            "--dbfilename",
            "dump-" + port + ".rdb",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            directory.toString())
        .redirectErrorStream(true)
        .redirectOutput(
            ProcessBuilder.Redirect.appendTo(directory.resolve("redis-" + port + ".log").toFile()))
        .start();
  }

  /** The hash slot of {@code key}, as the cluster computes it. */
  public int slotOf(String key) {
    return Integer.parseInt(cli("cluster", "keyslot", key).strip());
  }

  /** The port of the master that holds {@code key}'s slot now. */
  public int masterOf(String key) {
    int slot = slotOf(key);
    for (String line : on(aliveNode(), "cluster", "nodes").split("\n")) {
      String[] fields = line.strip().split(" ");
      if (fields.length < 9 || !fields[2].contains("master") || fields[2].contains("fail")) {
        continue;
      }
      for (int i = 8; i < fields.length; i++) {
        String[] range = fields[i].split("-");
        if (range[0].startsWith("[")) {
          continue;
        }
        int low = Integer.parseInt(range[0]);
        int high = range.length > 1 ? Integer.parseInt(range[1]) : low;
        if (slot >= low && slot <= high) {
          return Integer.parseInt(
              fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
        }
      }
    }
    throw new IllegalStateException("no master holds the slot of " + key);
  }

  /**
   * Waits until the replica of the master on {@code port} has received everything written to it
   * (replication is asynchronous: what a crash takes before that is lost, as in production).
   */
  public void awaitReplicated(int port) {
    await(
        () -> {
          String info = on(port, "info", "replication");
          long written = -1;
          long received = -2;
          for (String line : info.split("\\r?\\n")) {
            if (line.startsWith("master_repl_offset:")) {
              written = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            } else if (line.startsWith("slave0:")) {
              String offset = line.substring(line.indexOf("offset=") + "offset=".length());
              received = Long.parseLong(offset.substring(0, offset.indexOf(',')));
            }
          }
          return written == received;
        });
  }

  /**
   * Kills the node on {@code port} (SIGKILL, as a crash) and returns at once; its replica takes
   * over after the cluster's node timeout.
   */
  public void kill(int port) {
    Process server = servers.get(ports.indexOf(port));
    server.destroyForcibly();
    try {
      server.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts a killed node again; it rejoins as a replica of the master that replaced it. */
  public void restart(int port) throws IOException {
    servers.set(ports.indexOf(port), start(port));
    await(() -> on(port, "ping").contains("PONG"));
    awaitHealthy();
  }

  /**
   * Waits until every live node sees every slot served ({@code cluster_state:ok}) and every replica
   * has synced with its master (so that it may take over).
   */
  public void awaitHealthy() {
    for (int i = 0; i < ports.size(); i++) {
      if (servers.get(i).isAlive()) {
        int port = ports.get(i);
        await(() -> on(port, "cluster", "info").contains("cluster_state:ok"));
        await(
            () -> {
              String replication = on(port, "info", "replication");
              return replication.contains("role:master")
                  || replication.contains("master_link_status:up");
            });
      }
    }
  }

  /**
   * A new link to the cluster (2 s timeouts), as the service opens them; closed after the class.
   */
  public synchronized RedisLink newLink() {
    if (links == null) {
      links = RedisLinks.cluster(seeds(), TIMEOUT);
    }
    return links.open(TIMEOUT);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (!context.getUniqueId().equals(owner)) {
      return;
    }
    if (links != null) {
      links.close();
    }
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

  private int aliveNode() {
    for (int i = 0; i < ports.size(); i++) {
      if (servers.get(i).isAlive()) {
        return ports.get(i);
      }
    }
    throw new IllegalStateException("every node of the cluster is down");
  }

  /** The ports of the live masters. */
  public List<Integer> masters() {
    List<Integer> masters = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      if (servers.get(i).isAlive() && on(ports.get(i), "role").startsWith("master")) {
        masters.add(ports.get(i));
      }
    }
    return masters;
  }

  /** The output of {@code redis-cli} against the node on {@code port}. */
  public String on(int port, String... arguments) {
    List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
    command.addAll(List.of(arguments));
    return run(command.toArray(String[]::new));
  }

  /** The output of {@code redis-cli} against a live node, with {@code -c} to follow slots. */
  public String cli(String... arguments) {
    List<String> command =
        new ArrayList<>(List.of("redis-cli", "-c", "-p", Integer.toString(aliveNode())));
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

  private void await(BooleanSupplier condition) {
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
    StringBuilder state = new StringBuilder();
    for (int i = 0; i < ports.size(); i++) {
      int port = ports.get(i);
      state.append("\n").append(port).append(servers.get(i).isAlive() ? " alive: " : " dead: ");
      if (servers.get(i).isAlive()) {
        state.append(on(port, "cluster", "info").lines().findFirst().orElse(""));
        state.append(", ").append(on(port, "role").replace('\n', ' '));
      }
    }
    throw new IllegalStateException("the Redis Cluster did not come up within 30 s:" + state);
  }
}
