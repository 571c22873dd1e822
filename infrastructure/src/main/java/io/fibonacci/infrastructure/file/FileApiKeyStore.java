package io.fibonacci.infrastructure.file;

import io.fibonacci.application.port.out.identity.ApiKeyStore;
import io.fibonacci.domain.model.identity.ApiKeyDigest;
import io.fibonacci.domain.model.identity.ApiKeyRecord;
import io.fibonacci.shared.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys in one file ({@code auth.api-keys.file}), one key a line, tab-separated: id, SHA-256
 * digest, plan, creation time, {@code active} or {@code revoked}, label. The keys themselves are
 * never in it. Lookups read memory only; the file is looked at every {@link #RECHECK} and read
 * again when it changed, so keys made or revoked by the command line (or by hand) count within
 * seconds. Writes replace the file atomically, readable by its owner only.
 */
public final class FileApiKeyStore implements ApiKeyStore, AutoCloseable {

  /** How often the file is looked at for changes. */
  public static final Duration RECHECK = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(FileApiKeyStore.class);
  private static final String HEADER =
      "# API keys of the Fibonacci API: id, SHA-256 of the key, plan, created, state, label."
          + " Made and revoked with: java -jar fibonacci-api.jar api-keys ...";

  private final Path file;
  private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of(), null, -1);
  private final @Nullable ScheduledExecutorService watcher;

  private record Snapshot(
      Map<ApiKeyDigest, ApiKeyRecord> byDigest,
      List<ApiKeyRecord> all,
      @Nullable FileTime modified,
      long size) {}

  /**
   * @param watch whether to look at the file for changes in the background (a running service); the
   *     command line reads it once
   */
  public FileApiKeyStore(Path file, boolean watch) {
    this.file = Objects.requireNonNull(file, "file");
    reloadIfChanged();
    if (watch) {
      ScheduledExecutorService running =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "fibonacci-api-keys-file");
                thread.setDaemon(true);
                return thread;
              });
      running.scheduleWithFixedDelay(
          this::reloadQuietly, RECHECK.toMillis(), RECHECK.toMillis(), TimeUnit.MILLISECONDS);
      watcher = running;
    } else {
      watcher = null;
    }
  }

  @Override
  public CompletableFuture<Optional<ApiKeyRecord>> find(ApiKeyDigest digest) {
    return CompletableFuture.completedFuture(Optional.ofNullable(snapshot.byDigest().get(digest)));
  }

  @Override
  public synchronized void add(ApiKeyRecord record) {
    List<ApiKeyRecord> records = new ArrayList<>(read().all());
    records.add(record);
    write(records);
  }

  @Override
  public List<ApiKeyRecord> all() {
    return snapshot.all();
  }

  @Override
  public synchronized Optional<ApiKeyRecord> revoke(String id) {
    List<ApiKeyRecord> records = new ArrayList<>(read().all());
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).id().equals(id)) {
        ApiKeyRecord revoked = records.get(i).revoke();
        records.set(i, revoked);
        write(records);
        return Optional.of(revoked);
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    ScheduledExecutorService running = watcher;
    if (running != null) {
      running.shutdownNow();
    }
  }

  private void reloadQuietly() {
    try {
      reloadIfChanged();
    } catch (RuntimeException unreadable) {
      // Keep the keys last read: a file being edited by hand may be unreadable for a moment.
      LOG.warn("The API key file {} could not be read: {}", file, unreadable.getMessage());
    }
  }

  private synchronized void reloadIfChanged() {
    FileTime modified;
    long size;
    try {
      modified = Files.getLastModifiedTime(file);
      size = Files.size(file);
    } catch (NoSuchFileException absent) {
      snapshot = new Snapshot(Map.of(), List.of(), null, -1);
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Snapshot current = snapshot;
    if (modified.equals(current.modified()) && size == current.size()) {
      return;
    }
    snapshot = read();
    LOG.info("API keys read from {}: {} keys", file, snapshot.all().size());
  }

  private Snapshot read() {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      long size = Files.size(file);
      List<ApiKeyRecord> records = new ArrayList<>();
      int number = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        records.add(parse(line, number));
      }
      Map<ApiKeyDigest, ApiKeyRecord> byDigest = new HashMap<>();
      records.forEach(record -> byDigest.put(record.digest(), record));
      return new Snapshot(Map.copyOf(byDigest), List.copyOf(records), modified, size);
    } catch (NoSuchFileException absent) {
      return new Snapshot(Map.of(), List.of(), null, -1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ApiKeyRecord parse(String line, int number) {
    String[] fields = line.split("\t", 6);
    try {
      if (fields.length != 6 || !(fields[4].equals("active") || fields[4].equals("revoked"))) {
        throw new IllegalArgumentException("expected 6 tab-separated fields");
      }
      return new ApiKeyRecord(
          fields[0],
          new ApiKeyDigest(fields[1]),
          fields[2],
          fields[5],
          Instant.parse(fields[3]),
          fields[4].equals("revoked"));
    } catch (RuntimeException malformed) {
      throw new IllegalStateException(
          file + " line " + number + " is not a key: " + malformed.getMessage(), malformed);
    }
  }

  private void write(List<ApiKeyRecord> records) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (ApiKeyRecord record : records) {
      text.append(record.id())
          .append('\t')
          .append(record.digest().hex())
          .append('\t')
          .append(record.plan())
          .append('\t')
          .append(record.createdAt())
          .append('\t')
          .append(record.revoked() ? "revoked" : "active")
          .append('\t')
          .append(record.label())
          .append('\n');
    }
    try {
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, ".api-keys", ".tmp");
      try {
        ownerOnly(temporary);
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        move(temporary);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    snapshot = read();
  }

  private void move(Path temporary) throws IOException {
    try {
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException notAtomic) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void ownerOnly(Path path) {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException notPosix) {
      // Not a POSIX file system: the directory's permissions are what protect it.
    }
  }
}
