package io.fibonacci.infrastructure.config.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.application.port.in.jobs.GetJobUseCase;
import io.fibonacci.application.port.in.jobs.JobView;
import io.fibonacci.application.port.in.jobs.SubmitJobCommand;
import io.fibonacci.application.port.in.jobs.SubmitJobUseCase;
import io.fibonacci.domain.model.FibonacciNumbers;
import io.fibonacci.infrastructure.jobs.JobWorkers;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobsFactoryTest {

  private static final String CLIENT = "192.0.2.1";

  @Test
  void runsASubmittedJobOnTheWorkerThreadsToAnExactResult() {
    try (ApplicationContext context = run(Map.of("fibonacci.max-n", "1000"))) {
      SubmitJobUseCase submit = context.getBean(SubmitJobUseCase.class);
      GetJobUseCase jobs = context.getBean(GetJobUseCase.class);

      JobView queued =
          submit
              .submit(new SubmitJobCommand(CLIENT, "200000", null, "n=200000"))
              .toCompletableFuture()
              .join()
              .job();
      JobView done =
          jobs.await(CLIENT, queued.id(), Duration.ofSeconds(30)).toCompletableFuture().join();

      assertThat(queued.status()).isIn("queued", "running", "succeeded");
      assertThat(done.status()).isEqualTo("succeeded");
      assertThat(done.digits()).isEqualTo(FibonacciNumbers.of(200_000).digitCount());
    }
  }

  @Test
  void startsNoWorkerWhenTheInstanceOnlyServesTheApi() {
    try (ApplicationContext context = run(Map.of("fibonacci.role", "api"))) {
      assertThat(context.findBean(JobWorkers.class)).isEmpty();
      assertThat(context.findBean(SubmitJobUseCase.class)).isPresent();
    }
  }

  @Test
  void refusesASettingOutOfRangeAtStart() {
    assertThatThrownBy(() -> run(Map.of("fibonacci.jobs.workers", "0")).close())
        .hasStackTraceContaining("fibonacci.jobs.workers must be 1 or more, got 0");
  }

  private static ApplicationContext run(Map<String, Object> properties) {
    var all = new java.util.HashMap<String, Object>(properties);
    all.putIfAbsent("fibonacci.cache.warm-up-count", "0");
    return ApplicationContext.run(all);
  }
}
