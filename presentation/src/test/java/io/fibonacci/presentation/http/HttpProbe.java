package io.fibonacci.presentation.http;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP calls against the embedded server: every status is returned, never thrown. */
final class HttpProbe {

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final EmbeddedServer server;

  HttpProbe(EmbeddedServer server) {
    this.server = server;
  }

  HttpResponse<String> get(String pathAndQuery, String... headers) {
    return send(request(pathAndQuery, headers).GET().build());
  }

  HttpResponse<String> send(String method, String pathAndQuery, String... headers) {
    return send(
        request(pathAndQuery, headers).method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  /** The value of one sample in a Prometheus scrape; the series must be there. */
  static double sample(String scrape, String series) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sample " + series + " in the scrape"));
  }

  /** A request with a body, e.g. a POST of JSON. */
  HttpResponse<String> sendBody(
      String method, String pathAndQuery, String body, String... headers) {
    return send(
        request(pathAndQuery, headers)
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  /** A GET whose body is kept as the bytes that came over the wire (nothing is decoded). */
  HttpResponse<byte[]> bytes(String pathAndQuery, String... headers) {
    return send(
        request(pathAndQuery, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Any method, the body kept as bytes. */
  HttpResponse<byte[]> sendForBytes(String method, String pathAndQuery, String... headers) {
    return send(
        request(pathAndQuery, headers).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String pathAndQuery, String... headers) {
    var builder =
        HttpRequest.newBuilder(URI.create(server.getURL() + pathAndQuery))
            .timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return client.send(request, handler);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends raw bytes (for requests no client library would form) and returns the status line. */
  String raw(String requestHead) {
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        line.append((char) c);
      }
      return line.toString().trim();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
