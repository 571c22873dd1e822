package io.fibonacci.infrastructure.config.core;

import static io.fibonacci.infrastructure.config.SettingChecks.require;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code fibonacci.http.*}: how values are prepared for the wire.
 *
 * @param compressionMinBytes {@code fibonacci.http.compression-min-bytes}: values of at least this
 *     many digits get a gzip form, built once and cached beside them. At least 1, default 1 KiB.
 * @param encoderQueueCapacity {@code fibonacci.http.encoder-queue-capacity}: encodings waiting for
 *     the encoder thread; beyond it a value is served uncompressed until a later request encodes
 *     it. At least 1, default 64.
 */
@ConfigurationProperties("fibonacci.http")
public record HttpProperties(
    @Bindable(defaultValue = "1024") int compressionMinBytes,
    @Bindable(defaultValue = "64") int encoderQueueCapacity) {

  public HttpProperties {
    require(
        compressionMinBytes >= 1,
        "fibonacci.http.compression-min-bytes",
        "at least 1",
        compressionMinBytes);
    require(
        encoderQueueCapacity >= 1,
        "fibonacci.http.encoder-queue-capacity",
        "at least 1",
        encoderQueueCapacity);
  }
}
