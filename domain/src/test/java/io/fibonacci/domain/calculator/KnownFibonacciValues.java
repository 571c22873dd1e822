package io.fibonacci.domain.calculator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The known values of {@code fibonacci-vectors.tsv}, computed by an independent implementation: the
 * one table every calculator test checks against.
 */
final class KnownFibonacciValues {

  private static final String RESOURCE = "/fibonacci-vectors.tsv";
  private static final List<KnownValue> ALL = load();

  private KnownFibonacciValues() {}

  /** One row: F(n) described by its length, both ends, its SHA-256 and, for small n, the value. */
  record KnownValue(
      int n, int digits, String first20, String last20, String sha256, Optional<String> value) {}

  static List<KnownValue> all() {
    return ALL;
  }

  static List<KnownValue> upTo(int largestPosition) {
    return ALL.stream().filter(row -> row.n() <= largestPosition).toList();
  }

  static KnownValue at(int n) {
    return ALL.stream()
        .filter(row -> row.n() == n)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no known value for n = " + n));
  }

  private static List<KnownValue> load() {
    try (InputStream in = KnownFibonacciValues.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the test resources");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<KnownValue> rows = new ArrayList<>();
      String header = reader.readLine();
      if (header == null || !header.startsWith("n\tdigits\tfirst20\tlast20\tsha256")) {
        throw new IllegalStateException("unexpected header in " + RESOURCE + ": " + header);
      }
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          rows.add(parse(line));
        }
      }
      return List.copyOf(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KnownValue parse(String line) {
    String[] columns = line.split("\t", -1);
    Optional<String> value =
        columns.length > 5 && !columns[5].isEmpty() ? Optional.of(columns[5]) : Optional.empty();
    return new KnownValue(
        Integer.parseInt(columns[0]),
        Integer.parseInt(columns[1]),
        columns[2],
        columns[3],
        columns[4],
        value);
  }
}
