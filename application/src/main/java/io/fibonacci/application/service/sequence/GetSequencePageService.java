package io.fibonacci.application.service.sequence;

import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.application.port.in.sequence.GetSequencePageUseCase;
import io.fibonacci.application.port.in.sequence.SequenceItem;
import io.fibonacci.application.port.in.sequence.SequencePage;
import io.fibonacci.application.port.in.sequence.SequenceQuery;
import io.fibonacci.application.service.HeavyWork;
import io.fibonacci.application.service.RequestAdmission;
import io.fibonacci.domain.calculator.SequenceRun;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.sequence.SequenceOrder;
import io.fibonacci.domain.model.sequence.SequenceRange;
import io.fibonacci.shared.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A page of the sequence: validates the range, plans the rows that fit under the byte cap, charges
 * their bytes, takes the first two values from the cache (or the calculator) and the rest by
 * addition, on the caller's thread for a small page and on the compute pool (or shed) for a large
 * one.
 */
public final class GetSequencePageService implements GetSequencePageUseCase {

  private final SequenceSettings settings;
  private final RequestAdmission admission;
  private final SequenceStart start;
  private final HeavyWork work;

  public GetSequencePageService(
      SequenceSettings settings, RequestAdmission admission, SequenceStart start, HeavyWork work) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.admission = Objects.requireNonNull(admission, "admission");
    this.start = Objects.requireNonNull(start, "start");
    this.work = Objects.requireNonNull(work, "work");
  }

  @Override
  public CompletionStage<SequencePage> page(SequenceQuery query) {
    SequenceOrder order;
    SequenceRange asked;
    ClientKey client;
    try {
      order = SequenceOrder.parse(query.order());
      asked =
          SequenceRange.of(
              query.start(),
              query.limit(),
              order,
              settings.maxN(),
              SequenceSettings.MAX_PAGE_ITEMS,
              SequenceSettings.DEFAULT_LIMIT);
      client = ClientKey.of(query.client());
    } catch (RuntimeException invalid) {
      return CompletableFuture.failedFuture(invalid);
    }
    SequencePlan plan = SequencePlan.of(asked, settings.maxPageBytes());
    return admission.admitThen(
        client,
        settings.costOf(plan.bytes()),
        admitted ->
            items(plan)
                .thenApply(
                    items -> page(plan.range(), items, admitted.cost(), admitted.rateLimit())));
  }

  private CompletableFuture<List<SequenceItem>> items(SequencePlan plan) {
    return start
        .runOf(plan.range())
        .thenCompose(
            run ->
                work.run(
                    plan.bytes() <= settings.inlinePageBytes(), () -> items(plan.range(), run)));
  }

  private static List<SequenceItem> items(SequenceRange range, SequenceRun run) {
    List<SequenceItem> items = new ArrayList<>(range.count());
    for (int i = 0; i < range.count(); i++) {
      items.add(new SequenceItem(range.positionAt(i), run.next()));
    }
    return items;
  }

  private SequencePage page(
      SequenceRange range, List<SequenceItem> items, long cost, RateLimitStatus rateLimit) {
    int maxN = settings.maxN();
    int limit = range.limit();
    int first = range.start();
    boolean ascending = range.order() == SequenceOrder.ASC;
    @Nullable Integer next;
    @Nullable Integer prev;
    if (ascending) {
      next = first + range.count() <= maxN ? first + range.count() : null;
      prev = first > 0 ? Math.max(0, first - limit) : null;
    } else {
      next = first - range.count() >= 0 ? first - range.count() : null;
      prev = first < maxN ? Math.min(maxN, first + limit) : null;
    }
    return new SequencePage(
        first,
        limit,
        range.order().token(),
        (long) maxN + 1,
        items,
        next,
        prev,
        ascending ? 0 : maxN,
        ascending ? Math.max(0, maxN - limit + 1) : Math.min(maxN, limit - 1),
        cost,
        rateLimit);
  }
}
