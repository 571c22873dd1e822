package io.fibonacci.infrastructure.config.sequence;

import static io.fibonacci.infrastructure.config.SettingChecks.require;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code fibonacci.sequence.*}: the bounds of sequence pages.
 *
 * @param maxPageBytes {@code fibonacci.sequence.max-page-bytes}: a page stops before its rows pass
 *     this many bytes, and {@code next} continues from there; at least 4,096 (F(10^7) alone is
 *     2,089,877 digits, so a page smaller than that holds its one value anyway). Default 4194304 (4
 *     MiB).
 */
@ConfigurationProperties("fibonacci.sequence")
public record SequenceProperties(@Bindable(defaultValue = "4194304") long maxPageBytes) {

  public SequenceProperties {
    require(
        maxPageBytes >= 4_096, "fibonacci.sequence.max-page-bytes", "4096 or more", maxPageBytes);
  }
}
