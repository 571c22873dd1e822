package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.FibonacciCalculator;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One compute thread and a queue of one: with the calculator held, a third heavy request has no
 * place and is shed, while cheap requests are still answered on the event loop.
 */
@MicronautTest
@Property(name = "spec.name", value = "LoadSheddingTest")
@Property(name = "fibonacci.compute.threads", value = "1")
@Property(name = "fibonacci.compute.queue-capacity", value = "1")
@Property(name = "fibonacci.compute.inline-max-n", value = "1000")
@Property(name = "fibonacci.cache.warm-up-count", value = "0")
class LoadSheddingTest {

  static final CountDownLatch RELEASE = new CountDownLatch(1);
  static final CountDownLatch STARTED = new CountDownLatch(1);

  @Inject EmbeddedServer server;

  @Test
  void shedsHeavyRequestsBeyondTheQueueAndKeepsAnsweringCheapOnes() throws Exception {
    var http = new HttpProbe(server);
    var clients = Executors.newFixedThreadPool(4);
    var running = CompletableFuture.supplyAsync(() -> http.get("/api/v1/fibonacci/5001"), clients);
    assertThat(STARTED.await(10, TimeUnit.SECONDS)).isTrue();
    var answered = new CountDownLatch(2);
    List<CompletableFuture<HttpResponse<String>>> contenders =
        IntStream.rangeClosed(5002, 5004)
            .mapToObj(
                n ->
                    CompletableFuture.supplyAsync(
                        () -> http.get("/api/v1/fibonacci/" + n), clients))
            .peek(future -> future.thenRun(answered::countDown))
            .toList();

    assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
    var cheap = http.get("/api/v1/fibonacci/10");
    var shed =
        contenders.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
    RELEASE.countDown();

    assertThat(shed).hasSize(2);
    assertThat(shed)
        .allSatisfy(
            response -> {
              assertThat(response.statusCode()).isEqualTo(503);
              assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
              assertThat(response.headers().firstValue("Content-Type"))
                  .hasValue("application/problem+json");
            });
    assertThat(cheap.statusCode()).isEqualTo(200);
    assertThat(running.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    for (var contender : contenders) {
      assertThat(contender.get(10, TimeUnit.SECONDS).statusCode()).isIn(200, 503);
    }
    assertThat(http.get("/prometheus").body())
        .containsPattern("fibonacci_requests_shed_total(\\{[^}]*\\})? 2\\.0");
    clients.shutdown();
  }

  /** Holds every heavy computation until the test releases it. */
  @Singleton
  @Replaces(FibonacciCalculator.class)
  @Requires(property = "spec.name", value = "LoadSheddingTest")
  static class HeldCalculator implements FibonacciCalculator {
    @Override
    public FibonacciNumber compute(Position position) {
      if (position.value() > 1000) {
        STARTED.countDown();
        try {
          RELEASE.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      BigInteger a = BigInteger.ZERO;
      BigInteger b = BigInteger.ONE;
      for (int i = 0; i < position.value(); i++) {
        BigInteger next = a.add(b);
        a = b;
        b = next;
      }
      return FibonacciNumber.of(position, a);
    }
  }
}
