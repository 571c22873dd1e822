package io.fibonacci.application.service.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.application.port.in.RateLimitExceededException;
import io.fibonacci.application.port.in.ServerOverloadedException;
import io.fibonacci.application.port.in.sequence.SequenceItem;
import io.fibonacci.application.port.in.sequence.SequencePage;
import io.fibonacci.application.port.in.sequence.SequenceQuery;
import io.fibonacci.application.port.in.sequence.SequenceStream;
import io.fibonacci.application.port.out.sequence.StreamObserver;
import io.fibonacci.application.service.HeavyWork;
import io.fibonacci.application.service.PassThroughCache;
import io.fibonacci.application.service.RecordingLimiter;
import io.fibonacci.application.service.RecordingScheduler;
import io.fibonacci.application.service.RequestAdmission;
import io.fibonacci.application.service.ScheduledCalculator;
import io.fibonacci.domain.calculator.DoublingFibonacciCalculator;
import io.fibonacci.domain.model.InvalidArgumentException;
import io.fibonacci.domain.model.ratelimit.QuotaUsage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SequenceUseCasesTest {

  private static final String CLIENT = "192.0.2.1";

  private final RecordingLimiter limiter =
      new RecordingLimiter(1_000_000, List.of(new QuotaUsage("bucket", 1_000_000, 10, 999, 1)));
  private final RecordingScheduler scheduler = new RecordingScheduler();
  private final PassThroughCache cache = new PassThroughCache();
  private final List<Integer> looked = cache.looked;
  private final SequenceSettings settings = new SequenceSettings(10_000, 100_000, 2_000, 1_000);
  private final SequenceStart start =
      new SequenceStart(
          cache, new ScheduledCalculator(scheduler, new DoublingFibonacciCalculator()));
  private final GetSequencePageService pages =
      new GetSequencePageService(
          settings, new RequestAdmission(limiter), start, new HeavyWork(scheduler));
  private final List<String> observed = new ArrayList<>();
  private final StreamSequenceService streams =
      new StreamSequenceService(
          settings,
          new RequestAdmission(limiter),
          start,
          new StreamObserver() {
            @Override
            public void opened() {
              observed.add("opened");
            }

            @Override
            public void produced() {
              observed.add("row");
            }

            @Override
            public void closed(boolean completed) {
              observed.add(completed ? "completed" : "closed early");
            }
          });

  @Test
  void buildsASmallPageAtOnceFromTwoLookedUpValuesChargedByItsBytes() {
    SequencePage page = page("10", "5", null);

    assertThat(page.items()).extracting(SequenceItem::n).containsExactly(10, 11, 12, 13, 14);
    assertThat(digits(page.items().get(4))).isEqualTo("377");
    assertThat(looked).containsExactly(10, 11);
    assertThat(scheduler.heavy).isZero();
    // rows of 2 or 3 digits and 24 bytes each: 128 bytes, 1 token
    assertThat(limiter.charges).containsExactly(1L);
    assertThat(page.next()).isEqualTo(15);
    assertThat(page.prev()).isEqualTo(5);
    assertThat(page.first()).isZero();
    assertThat(page.last()).isEqualTo(9_996);
    assertThat(page.total()).isEqualTo(10_001);
  }

  @Test
  void buildsALargePageOnThePoolAndShedsItWhenThePoolIsFull() {
    SequencePage page = page("5000", "10", "desc");
    scheduler.saturated = true;

    assertThat(page.items()).extracting(SequenceItem::n).startsWith(5000, 4999).endsWith(4991);
    assertThat(digits(page.items().get(0)))
        .isEqualTo(DoublingFibonacciCalculator.valueAt(5_000).toString());
    assertThat(looked).containsExactly(5_000, 4_999);
    assertThat(scheduler.heavy).isEqualTo(1);
    assertThat(limiter.charges)
        .singleElement()
        .satisfies(cost -> assertThat(cost).isGreaterThan(10));
    assertThatThrownBy(() -> page("6000", "10", null))
        .hasCauseInstanceOf(ServerOverloadedException.class);
  }

  @Test
  void stopsAPageBeforeItsBytesPassTheCap() {
    // F(9000) has 1,881 digits: 1,905 bytes a row, 52 rows within 100,000 bytes
    SequencePage page = page("9000", "1000", null);

    assertThat(page.items()).hasSize(52);
    assertThat(page.limit()).isEqualTo(1_000);
    assertThat(page.next()).isEqualTo(9_052);
  }

  @Test
  void refusesBadRangesAndSpentQuotasBeforeLookingAnythingUp() {
    assertThatThrownBy(() -> page("10001", null, null))
        .hasCauseInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> page("0", "1001", null))
        .hasCauseInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> page("0", "5", "sideways"))
        .hasCauseInstanceOf(InvalidArgumentException.class);
    limiter.allow = false;
    assertThatThrownBy(() -> page("0", "5", null))
        .hasCauseInstanceOf(RateLimitExceededException.class);

    assertThat(looked).isEmpty();
  }

  @Test
  void streamsRowsOnlyAsTheyAreTakenAndReportsAnEarlyClose() {
    SequenceStream stream = stream("0", "50000");

    Optional<SequenceItem> first = stream.next();
    Optional<SequenceItem> second = stream.next();
    stream.close();
    stream.close();

    assertThat(first.map(SequenceItem::n)).hasValue(0);
    assertThat(second.map(SequenceItem::n)).hasValue(1);
    assertThat(stream.next()).isEmpty();
    assertThat(observed).containsExactly("opened", "row", "row", "closed early");
    // F(0)..F(9999) (the stream stops at max-n): about 10.4 MB, charged up front
    assertThat(limiter.charges)
        .singleElement()
        .satisfies(cost -> assertThat(cost).isGreaterThan(10_000));
  }

  @Test
  void reportsAStreamReadToItsEnd() {
    SequenceStream stream = stream("3", "4");

    List<String> values = new ArrayList<>();
    for (Optional<SequenceItem> item = stream.next(); item.isPresent(); item = stream.next()) {
      values.add(digits(item.get()));
    }
    stream.close();

    assertThat(values).containsExactly("2", "3", "5", "8");
    assertThat(observed).endsWith("completed");
  }

  private SequencePage page(String first, String limit, String order) {
    return pages.page(new SequenceQuery(first, limit, order, CLIENT)).toCompletableFuture().join();
  }

  private SequenceStream stream(String first, String limit) {
    return streams.stream(new SequenceQuery(first, limit, null, CLIENT))
        .toCompletableFuture()
        .join();
  }

  private static String digits(SequenceItem item) {
    return new String(item.digits(), StandardCharsets.US_ASCII);
  }
}
