package io.fibonacci.infrastructure.config.core;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;

/** {@code fibonacci.http.*}: how values are prepared for the wire. */
@ConfigurationProperties("fibonacci.http")
public class HttpProperties {

  private int compressionMinBytes = 1024;
  private int encoderQueueCapacity = 64;

  /**
   * {@code fibonacci.http.compression-min-bytes}: values of at least this many digits get a gzip
   * form, built once and cached beside them. Default 1 KiB.
   */
  public int getCompressionMinBytes() {
    return compressionMinBytes;
  }

  public void setCompressionMinBytes(int compressionMinBytes) {
    if (compressionMinBytes < 1) {
      throw new ConfigurationException(
          "fibonacci.http.compression-min-bytes must be at least 1, got " + compressionMinBytes);
    }
    this.compressionMinBytes = compressionMinBytes;
  }

  /**
   * {@code fibonacci.http.encoder-queue-capacity}: encodings waiting for the encoder thread; beyond
   * it a value is served uncompressed until a later request encodes it. Default 64.
   */
  public int getEncoderQueueCapacity() {
    return encoderQueueCapacity;
  }

  public void setEncoderQueueCapacity(int encoderQueueCapacity) {
    if (encoderQueueCapacity < 1) {
      throw new ConfigurationException(
          "fibonacci.http.encoder-queue-capacity must be at least 1, got " + encoderQueueCapacity);
    }
    this.encoderQueueCapacity = encoderQueueCapacity;
  }
}
