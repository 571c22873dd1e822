package io.fibonacci.presentation.http.representation;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.netty.DefaultHttpCompressionStrategy;
import io.micronaut.http.server.netty.HttpCompressionStrategy;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import jakarta.inject.Singleton;

/**
 * The framework's per-response compression, kept for the documentation and other text, and never
 * applied to an F(n) body (recognised by its entity tag): its bytes are exactly what its strong tag
 * and byte ranges name, and its gzip form is built once per value, not once per response. Nor to a
 * sequence page or stream: compressing those per response would run on the event loop, so they are
 * sent as they are.
 */
@Singleton
@Replaces(DefaultHttpCompressionStrategy.class)
final class PrecodedAwareCompressionStrategy implements HttpCompressionStrategy {

  private final int threshold;
  private final int level;
  private final int maxZstdEncodeSize;

  PrecodedAwareCompressionStrategy(NettyHttpServerConfiguration configuration) {
    this.threshold = configuration.getCompressionThreshold();
    this.level = configuration.getCompressionLevel();
    this.maxZstdEncodeSize = configuration.getMaxZstdEncodeSize();
  }

  @Override
  public boolean isEnabled() {
    return threshold >= 0;
  }

  @Override
  public boolean shouldCompress(HttpResponse response) {
    if (!isEnabled() || sentAsItIs(response)) {
      return false;
    }
    String contentType = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
    long length = HttpUtil.getContentLength(response, -1L);
    return contentType != null
        && (length == -1 || length >= threshold)
        && MediaType.isTextBased(contentType);
  }

  private static boolean sentAsItIs(HttpResponse response) {
    String tag = response.headers().get(HttpHeaderNames.ETAG);
    if (tag != null
        && (tag.startsWith(Representation.TAG_PREFIX)
            || tag.startsWith(Representation.SEQUENCE_TAG_PREFIX))) {
      return true;
    }
    String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
    return type != null && (type.startsWith("application/x-ndjson") || type.startsWith("text/csv"));
  }

  @Override
  public int getCompressionLevel() {
    return level;
  }

  @Override
  public int getMaxZstdEncodeSize() {
    return maxZstdEncodeSize;
  }
}
