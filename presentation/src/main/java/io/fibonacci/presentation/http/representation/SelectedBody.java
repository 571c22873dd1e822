package io.fibonacci.presentation.http.representation;

import io.fibonacci.application.port.in.EncodedBody;
import io.fibonacci.application.port.in.FibonacciResult;
import io.fibonacci.shared.ContentCoding;

/**
 * The bytes one response sends for F(n) in one representation, with the coding and the strong tag
 * that name exactly those bytes.
 *
 * @param body what is written
 * @param coding its content coding
 * @param tag its strong entity tag
 */
public record SelectedBody(WireBody body, ContentCoding coding, String tag) {

  /** Tag variant of a gzip member around the cached deflate blocks. */
  static final String DEFLATED = "gzip";

  /** Tag variant of a gzip member in stored blocks only (other bytes, so another tag). */
  static final String STORED = "gzip-stored";

  /**
   * Gzip when the result carries the cached deflate blocks; gzip in stored blocks when the client
   * refuses identity and no blocks are cached (a small value); else the identity bytes.
   */
  public static SelectedBody of(
      Representation representation, FibonacciResult result, AcceptEncoding accepted) {
    BodyParts parts = representation.parts(result);
    EncodedBody encoded = result.encoded();
    if (encoded != null && encoded.coding() == ContentCoding.GZIP) {
      return new SelectedBody(
          GzipMember.deflated(parts, encoded),
          ContentCoding.GZIP,
          representation.entityTag(result.position(), DEFLATED));
    }
    if (!accepted.accepts(ContentCoding.IDENTITY) && accepted.accepts(ContentCoding.GZIP)) {
      return new SelectedBody(
          GzipMember.stored(parts),
          ContentCoding.GZIP,
          representation.entityTag(result.position(), STORED));
    }
    return new SelectedBody(
        WireBody.identity(parts),
        ContentCoding.IDENTITY,
        representation.entityTag(result.position(), ""));
  }
}
