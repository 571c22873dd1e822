package io.fibonacci.infrastructure.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One Lua script of this package, run by its digest ({@code EVALSHA}); when Redis does not know it
 * yet (a fresh or restarted server), it is sent in full once ({@code EVAL} also stores it).
 */
final class LuaScript {

  private final String name;
  private final byte[] body;
  private final String sha;

  private LuaScript(String name, byte[] body) {
    this.name = name;
    this.body = body;
    this.sha = sha1Hex(body);
  }

  /** The script in the resource {@code name} beside this class. */
  static LuaScript load(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return new LuaScript(name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  <T> CompletableFuture<T> run(
      RedisClusterAsyncCommands<byte[], byte[]> commands,
      ScriptOutputType type,
      byte[][] keys,
      byte[]... arguments) {
    CompletableFuture<T> bySha =
        commands.<T>evalsha(sha, type, keys, arguments).toCompletableFuture();
    return bySha.exceptionallyCompose(
        failure -> {
          Throwable cause = unwrap(failure);
          if (cause instanceof RedisNoScriptException) {
            return commands.<T>eval(body, type, keys, arguments).toCompletableFuture();
          }
          return CompletableFuture.failedFuture(cause);
        });
  }

  @Override
  public String toString() {
    return name;
  }

  static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private static String sha1Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }
}
