package io.fibonacci.presentation.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves one empty HTML page from 127.0.0.1 on a port of its own: a front end on another origin
 * than the API (which the tests reach as localhost on another port).
 */
final class PageServer implements AutoCloseable {

  private static final byte[] PAGE =
      "<!doctype html><html><head><meta charset=\"utf-8\"><title>client</title></head><body></body></html>"
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;

  PageServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, PAGE.length);
          exchange.getResponseBody().write(PAGE);
          exchange.close();
        });
    server.start();
  }

  /** The page's origin, e.g. {@code http://127.0.0.1:41234}. */
  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
