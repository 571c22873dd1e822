package io.fibonacci.infrastructure.config.core;

import static io.fibonacci.infrastructure.config.SettingChecks.require;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code fibonacci.*}: the largest position answered synchronously.
 *
 * @param maxN {@code fibonacci.max-n}: the largest n answered, 0 or more. Default 10000000.
 */
@ConfigurationProperties("fibonacci")
public record FibonacciProperties(@Bindable(defaultValue = "10000000") int maxN) {

  public FibonacciProperties {
    require(maxN >= 0, "fibonacci.max-n", "0 or more", maxN);
  }
}
