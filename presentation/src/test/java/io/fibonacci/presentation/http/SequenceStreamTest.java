package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sequence streams over HTTP: NDJSON and CSV rows written as they are made, bounded by rows,
 * stopped when the reader goes away, and held back while a reader is slow.
 */
@MicronautTest
@Property(name = "fibonacci.max-n", value = "100000")
// A stream of 256 MiB costs the whole default bucket: these tests measure streams, not the limiter.
@Property(name = "rate-limit.bucket.capacity", value = "1000000000")
@Property(name = "rate-limit.bucket.refill-per-second", value = "1000000")
class SequenceStreamTest {

  private static final String NDJSON = "application/x-ndjson";

  @Inject EmbeddedServer server;

  private HttpProbe http() {
    return new HttpProbe(server);
  }

  @Test
  void streamsNdjsonRowsEqualToTheSequence() {
    var stream = http().get("/api/v1/sequence?start=0&limit=1500", "Accept", NDJSON);

    List<String> lines = stream.body().lines().toList();
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type")).hasValue(NDJSON);
    assertThat(stream.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(stream.headers().firstValue("X-Request-Cost")).isPresent();
    assertThat(lines).hasSize(1_500);
    BigInteger a = BigInteger.ZERO;
    BigInteger b = BigInteger.ONE;
    for (int n = 0; n < lines.size(); n++) {
      assertThat(lines.get(n)).isEqualTo("{\"n\":" + n + ",\"value\":\"" + a + "\"}");
      BigInteger next = a.add(b);
      a = b;
      b = next;
    }
  }

  @Test
  void streamsCsvWithAHeaderDownwards() {
    var stream = http().get("/api/v1/sequence?start=12&limit=20&order=desc", "Accept", "text/csv");

    assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(stream.body().lines().toList())
        .startsWith("n,value", "12,144", "11,89")
        .endsWith("1,1", "0,0")
        .hasSize(14);
  }

  @Test
  void takesUpTo100000RowsAndRefusesMore() {
    var tooMany = http().get("/api/v1/sequence?limit=100001", "Accept", NDJSON);
    var aPage = http().get("/api/v1/sequence?limit=1001");
    var stream = http().get("/api/v1/sequence?start=0&limit=100000", "Accept", "text/csv");

    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("limit must be an integer from 1 to 100000");
    assertThat(aPage.statusCode()).isEqualTo(400);
    assertThat(stream.statusCode()).isEqualTo(200);
    // F(0)..F(99999) are about 1 GB: the stream stops before 256 MiB, at the last whole row
    long rows = stream.body().lines().count() - 1;
    assertThat(rows).isBetween(40_000L, 60_000L);
    assertThat(stream.body().length()).isLessThanOrEqualTo(256 << 20);
  }

  @Test
  void stopsMakingRowsWhenTheReaderGoesAway() throws Exception {
    double rowsBefore = rows();
    double closedBefore = closedEarly();

    try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
      request(socket, "/api/v1/sequence?start=0&limit=100000");
      readAtLeast(socket.getInputStream(), 256 * 1024);
    }

    awaitActiveStreams(0);
    double made = rows() - rowsBefore;
    assertThat(closedEarly() - closedBefore).isEqualTo(1);
    // 100,000 rows were planned; the stream stopped a socket buffer or so after the reader left
    assertThat(made).isLessThan(40_000);
    assertThat(http().get("/api/v1/fibonacci/10").statusCode()).isEqualTo(200);
  }

  @Test
  void holdsBackWhileTheReaderIsSlowAndKeepsServingOthers() throws Exception {
    double rowsBefore = rows();

    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4_096);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.getPort()));
      // rows of 10,450 to 12,540 digits: 10,000 of them are about 115 MB
      request(socket, "/api/v1/sequence?start=50000&limit=10000");
      readAtLeast(socket.getInputStream(), 200 * 1024);
      double madeEarly = rows() - rowsBefore;
      int others = 0;
      for (int i = 0; i < 20; i++) {
        others += http().get("/api/v1/fibonacci/" + (20 + i)).statusCode() == 200 ? 1 : 0;
      }
      double madeLater = rows() - rowsBefore;

      assertThat(others).isEqualTo(20);
      // what the socket buffers hold, not the 10,000 rows planned
      assertThat(madeLater).isLessThan(800);
      assertThat(madeLater - madeEarly).isLessThan(400);
    }
    awaitActiveStreams(0);
  }

  private static void request(Socket socket, String path) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + NDJSON + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static void readAtLeast(InputStream in, int bytes) throws IOException {
    byte[] buffer = new byte[8_192];
    int read = 0;
    while (read < bytes) {
      int n = in.read(buffer);
      if (n < 0) {
        break;
      }
      read += n;
    }
  }

  private double rows() {
    return HttpProbe.sample(http().get("/prometheus").body(), "fibonacci_sequence_rows_total");
  }

  private double closedEarly() {
    return HttpProbe.sample(
        http().get("/prometheus").body(),
        "fibonacci_sequence_streams_total{outcome=\"closed_early\"}");
  }

  private void awaitActiveStreams(double expected) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    double active = -1;
    while (System.nanoTime() < end) {
      active =
          HttpProbe.sample(http().get("/prometheus").body(), "fibonacci_sequence_streams_active");
      if (active == expected) {
        return;
      }
      Thread.sleep(50);
    }
    assertThat(active).as("open sequence streams").isEqualTo(expected);
  }
}
