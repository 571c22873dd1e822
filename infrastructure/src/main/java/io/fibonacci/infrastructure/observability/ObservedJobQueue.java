package io.fibonacci.infrastructure.observability;

import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.shared.Nullable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.MDC;

/**
 * What the queue shows: {@code fibonacci_jobs_running} (the deliveries this instance's workers
 * hold: the jobs they run now), {@code fibonacci_jobs_queued}, {@code
 * fibonacci_jobs_oldest_queued_age_seconds}, and {@code fibonacci_jobs_retries_total} (deliveries
 * after the first: a failed attempt, or a job handed on by a worker that died) and {@code
 * fibonacci_jobs_dead_lettered_total}. A gauge the queue cannot answer (Redis down) reads NaN, not
 * a made-up zero.
 *
 * <p>While a worker holds a delivery, its thread's log lines carry the job's id ({@code jobId} in
 * the MDC) and, when tracing is on, a span {@code fibonacci.job} is current: linked to the request
 * that submitted the job (a run happens later, often elsewhere: a link, not a parent), with the
 * calculator's span inside it. The span ends when the delivery is acknowledged, retried or given
 * up, all of which happen on the worker's thread.
 */
public final class ObservedJobQueue implements JobQueue {

  static final String QUEUED = "fibonacci.jobs.queued";
  static final String RUNNING = "fibonacci.jobs.running";
  static final String OLDEST_AGE = "fibonacci.jobs.oldest_queued_age";
  static final String RETRIES = "fibonacci.jobs.retries";
  static final String DEAD_LETTERED = "fibonacci.jobs.dead_lettered";
  static final String SPAN_NAME = "fibonacci.job";

  /** How old a backlog reading may be before a scrape starts a new one. */
  static final Duration BACKLOG_FRESHNESS = Duration.ofSeconds(1);

  static final String MDC_JOB_ID = "jobId";
  static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("fibonacci.job.id");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("fibonacci.job.attempt");

  private final JobQueue delegate;
  private final Counter retries;
  private final Counter deadLettered;
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private final @Nullable Tracer tracer;
  private final ThreadLocal<Run> runs = new ThreadLocal<>();
  private final AtomicBoolean reading = new AtomicBoolean();
  private volatile GaugeBacklog lastBacklog = new GaugeBacklog(Double.NaN, null);
  private final long freshnessNanos;
  private volatile long backlogReadAt;

  /** The delivery a worker thread holds, with its span and scope when tracing is on. */
  private record Run(String receipt, @Nullable Span span, @Nullable Scope scope) {}

  public ObservedJobQueue(JobQueue delegate, MeterRegistry registry, Clock clock) {
    this(delegate, registry, clock, null);
  }

  /**
   * @param tracer the tracer of the service's spans, or null when tracing is off
   */
  public ObservedJobQueue(
      JobQueue delegate, MeterRegistry registry, Clock clock, @Nullable Tracer tracer) {
    this(delegate, registry, clock, tracer, BACKLOG_FRESHNESS);
  }

  ObservedJobQueue(
      JobQueue delegate,
      MeterRegistry registry,
      Clock clock,
      @Nullable Tracer tracer,
      Duration backlogFreshness) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.tracer = tracer;
    this.freshnessNanos = backlogFreshness.toNanos();
    this.backlogReadAt = System.nanoTime() - freshnessNanos - 1;
    Gauge.builder(RUNNING, held, Set::size)
        .description("Jobs the workers of this instance are running")
        .register(registry);
    Gauge.builder(QUEUED, this, observed -> observed.lastBacklog().waiting())
        .description("Jobs waiting for a worker")
        .register(registry);
    Gauge.builder(
            OLDEST_AGE,
            this,
            observed -> {
              GaugeBacklog backlog = observed.lastBacklog();
              if (Double.isNaN(backlog.waiting())) {
                return Double.NaN;
              }
              var since = backlog.oldestSince();
              return since == null
                  ? 0
                  : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1e3);
            })
        .description("How long the oldest queued job has waited, in seconds")
        .baseUnit("seconds")
        .register(registry);
    this.retries =
        Counter.builder(RETRIES)
            .description(
                "Deliveries of a job after its first (an attempt failed, or its worker died)")
            .register(registry);
    this.deadLettered =
        Counter.builder(DEAD_LETTERED)
            .description("Jobs given up after their last attempt (moved to the dead letters)")
            .register(registry);
  }

  @Override
  public CompletableFuture<Boolean> offer(JobId job, @Nullable String origin) {
    return delegate.offer(job, origin);
  }

  @Override
  public Optional<Delivery> take(Duration wait) throws InterruptedException {
    Optional<Delivery> delivery = delegate.take(wait);
    delivery.ifPresent(this::started);
    return delivery;
  }

  @Override
  public void acknowledge(Delivery delivery) {
    try {
      delegate.acknowledge(delivery);
    } finally {
      ended(delivery, null);
    }
  }

  @Override
  public boolean renew(Delivery delivery) {
    return delegate.renew(delivery);
  }

  @Override
  public void retry(Delivery delivery) {
    try {
      delegate.retry(delivery);
    } finally {
      ended(delivery, "retried");
    }
  }

  @Override
  public void deadLetter(Delivery delivery, String reason) {
    try {
      delegate.deadLetter(delivery, reason);
      deadLettered.increment();
    } finally {
      ended(delivery, "dead-lettered");
    }
  }

  @Override
  public CompletableFuture<Backlog> backlog() {
    return delegate.backlog();
  }

  // The scope outlives this method on purpose: it is closed when the delivery ends (ended), on
  // this same worker thread, or when the thread's next delivery starts.
  @SuppressWarnings("MustBeClosedChecker")
  private void started(Delivery delivery) {
    Run previous = runs.get();
    if (previous != null) {
      // A delivery left unended by a failure (a store that did not answer): its worker has
      // moved on, so it no longer counts as running here, and its span ends.
      close(previous, "abandoned");
    }
    held.add(delivery.receipt());
    if (delivery.attempt() > 1) {
      retries.increment();
    }
    MDC.put(MDC_JOB_ID, delivery.job().value());
    if (tracer == null) {
      runs.set(new Run(delivery.receipt(), null, null));
      return;
    }
    SpanBuilder builder =
        tracer
            .spanBuilder(SPAN_NAME)
            .setNoParent()
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute(JOB_ID, delivery.job().value())
            .setAttribute(ATTEMPT, (long) delivery.attempt());
    SpanContext origin = OpenTelemetryTraceOrigin.of(delivery.origin());
    if (origin.isValid()) {
      builder.addLink(origin);
    }
    Span span = builder.startSpan();
    runs.set(new Run(delivery.receipt(), span, span.makeCurrent()));
  }

  private void ended(Delivery delivery, @Nullable String failure) {
    Run run = runs.get();
    if (run != null && run.receipt().equals(delivery.receipt())) {
      close(run, failure);
    } else {
      held.remove(delivery.receipt());
    }
  }

  private void close(Run run, @Nullable String failure) {
    runs.remove();
    held.remove(run.receipt());
    MDC.remove(MDC_JOB_ID);
    Span span = run.span();
    Scope scope = run.scope();
    if (span != null && scope != null) {
      if (failure != null) {
        span.setStatus(StatusCode.ERROR, failure);
      }
      scope.close();
      span.end();
    }
  }

  /**
   * The backlog as last read, and a new reading started when that one is older than the freshness
   * ({@link #BACKLOG_FRESHNESS}): a scrape never waits for the store (a frozen Redis would hold it
   * for a command timeout per gauge). NaN waiting when the last reading failed, or none finished
   * yet.
   */
  private GaugeBacklog lastBacklog() {
    long now = System.nanoTime();
    if (now - backlogReadAt > freshnessNanos && reading.compareAndSet(false, true)) {
      backlogReadAt = now;
      CompletableFuture<Backlog> read;
      try {
        read = delegate.backlog();
      } catch (RuntimeException unreadable) {
        read = CompletableFuture.failedFuture(unreadable);
      }
      read.whenComplete(
          (backlog, failure) -> {
            lastBacklog =
                failure == null
                    ? new GaugeBacklog(backlog.waiting(), backlog.oldestSince())
                    : new GaugeBacklog(Double.NaN, null);
            reading.set(false);
          });
    }
    return lastBacklog;
  }

  private record GaugeBacklog(double waiting, @Nullable Instant oldestSince) {}
}
