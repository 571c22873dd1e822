package io.fibonacci.shared;

/** The content codings a value can be delivered in (RFC 9110 8.4.1), by their registered tokens. */
public enum ContentCoding {
  /** The digits as they are. */
  IDENTITY("identity"),
  /** Deflate in a gzip member (RFC 1952): what every browser and HTTP library decodes. */
  GZIP("gzip");

  private final String token;

  ContentCoding(String token) {
    this.token = token;
  }

  /** The token as written in {@code Accept-Encoding} and {@code Content-Encoding}. */
  public String token() {
    return token;
  }
}
