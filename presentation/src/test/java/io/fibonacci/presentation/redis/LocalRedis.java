package io.fibonacci.presentation.redis;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A redis-server process owned by one test, on a free loopback port, without persistence, so the
 * test may stop, restart and freeze it without touching any other Redis.
 *
 * <p>Without {@code redis-server} on the PATH the test is skipped with a message, except under
 * {@code CI=true}, where it fails: the same policy as the infrastructure module's Redis tests.
 */
final class LocalRedis implements AutoCloseable {

  private static final Duration START_DEADLINE = Duration.ofSeconds(10);

  private final String executable;
  private final int port;
  private Process process;

  private LocalRedis(String executable, int port) {
    this.executable = executable;
    this.port = port;
  }

  /** Starts a fresh server, or skips (fails under CI) when redis-server is not installed. */
  static LocalRedis start() {
    String executable = locateExecutable();
    if (executable == null) {
      String message = "redis-server is not on the PATH; the Redis fault tests need one.";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(message + " Under CI=true this is a failure.");
      }
      Assumptions.abort(message + " Skipping.");
    }
    LocalRedis redis = new LocalRedis(executable, freePort());
    redis.restart();
    return redis;
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Starts the server (again) on its port and waits until it answers PING. */
  void restart() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("redis-server is already running on port " + port);
    }
    try {
      process =
          new ProcessBuilder(
                  executable,
                  "--port",
                  Integer.toString(port),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + executable, e);
    }
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    while (true) {
      try {
        if ("PONG".equals(command("PING"))) {
          return;
        }
      } catch (IllegalStateException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("redis-server did not come up on port " + port, notYet);
        }
      }
      pause(Duration.ofMillis(20));
    }
  }

  /** Ends the server process and waits until it is gone, as in a crash of the Redis host. */
  void stop() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("redis-server on port " + port + " did not end");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Sends one command on a new connection and returns the reply: a status, an error (prefixed with
   * "-"), an integer or a bulk string as text, an array as its elements joined by newlines.
   */
  String command(String... arguments) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder request = new StringBuilder("*").append(arguments.length).append("\r\n");
      for (String argument : arguments) {
        byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
        request.append('$').append(bytes.length).append("\r\n").append(argument).append("\r\n");
      }
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return String.join("\n", reply(new BufferedInputStream(socket.getInputStream())));
    } catch (IOException e) {
      throw new IllegalStateException("Redis on port " + port + " did not answer", e);
    }
  }

  /** Every key matching the pattern, by SCAN. */
  List<String> keys(String pattern) {
    List<String> keys = new ArrayList<>();
    String cursor = "0";
    do {
      List<String> page =
          List.of(command("SCAN", cursor, "MATCH", pattern, "COUNT", "1000").split("\n"));
      cursor = page.get(0);
      page.stream().skip(1).filter(key -> !key.isEmpty()).forEach(keys::add);
    } while (!"0".equals(cursor));
    return keys;
  }

  private static List<String> reply(InputStream in) throws IOException {
    String line = line(in);
    char type = line.charAt(0);
    String rest = line.substring(1);
    return switch (type) {
      case '+', ':' -> List.of(rest);
      case '-' -> List.of(line);
      case '$' -> {
        int length = Integer.parseInt(rest);
        if (length < 0) {
          yield List.of();
        }
        byte[] bytes = in.readNBytes(length + 2);
        yield List.of(new String(bytes, 0, length, StandardCharsets.UTF_8));
      }
      case '*' -> {
        List<String> elements = new ArrayList<>();
        int count = Integer.parseInt(rest);
        for (int i = 0; i < count; i++) {
          elements.addAll(reply(in));
        }
        yield elements;
      }
      default -> throw new IOException("unexpected reply: " + line);
    };
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != '\n') {
      if (c == -1) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private static String locateExecutable() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String directory : path.split(File.pathSeparator)) {
      File candidate = new File(directory, "redis-server");
      if (candidate.canExecute()) {
        return candidate.getAbsolutePath();
      }
    }
    return null;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
