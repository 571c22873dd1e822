package io.fibonacci.presentation.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/** The independently computed vectors of {@code fibonacci-vectors.tsv}: digit count and SHA-256. */
public final class KnownVectors {

  /** One row: n, the digit count of F(n) and the SHA-256 of its decimal digits. */
  public record Vector(int n, int digits, String sha256) {}

  private static final Map<Integer, Vector> VECTORS = load();

  private KnownVectors() {}

  public static Vector of(int n) {
    return Objects.requireNonNull(VECTORS.get(n), "no vector for " + n);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<Integer, Vector> load() {
    var stream = KnownVectors.class.getResourceAsStream("/fibonacci-vectors.tsv");
    try (var reader =
        new BufferedReader(
            new InputStreamReader(Objects.requireNonNull(stream), StandardCharsets.US_ASCII))) {
      Map<Integer, Vector> vectors = new HashMap<>();
      reader.readLine();
      for (String line; (line = reader.readLine()) != null; ) {
        String[] columns = line.split("\t");
        int n = Integer.parseInt(columns[0]);
        vectors.put(n, new Vector(n, Integer.parseInt(columns[1]), columns[4]));
      }
      return vectors;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
