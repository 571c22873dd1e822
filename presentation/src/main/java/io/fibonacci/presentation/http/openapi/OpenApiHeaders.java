package io.fibonacci.presentation.http.openapi;

/** Descriptions of the response headers, shared by the OpenAPI annotations of every route. */
public final class OpenApiHeaders {

  public static final String ETAG =
      "Strong entity tag of exactly these bytes: the same for the same n,"
          + " representation and content coding on every instance and after restarts."
          + " If-None-Match compares it weakly.";

  public static final String CACHE_CONTROL =
      "F(n) never changes, so every answer may be cached for a year.";

  public static final String VARY = "The answer depends on Accept (v1 routes) and Accept-Encoding.";

  public static final String CONTENT_ENCODING =
      "gzip when the client accepts it and the value has at least"
          + " fibonacci.http.compression-min-bytes digits (built once per value, never per"
          + " request); absent for the identity bytes.";

  public static final String ACCEPT_RANGES =
      "Byte ranges of the identity representation are served (Range, If-Range).";

  public static final String CONTENT_RANGE =
      "The bytes sent and the full length (206), or the full length alone (416).";

  public static final String RATELIMIT =
      "Remaining quota per policy, IETF httpapi RateLimit header fields draft syntax.";

  public static final String RATELIMIT_POLICY =
      "The client's quotas (bucket capacity and window sizes).";

  public static final String RETRY_AFTER = "Seconds to wait before trying again.";

  public static final String X_REQUEST_COST =
      "Tokens this request took from the client's bucket (1 + floor(n / 100000)).";

  public static final String X_REQUEST_ID =
      "The caller's X-Request-Id when well formed (1-64 characters of [A-Za-z0-9._-]),"
          + " else a new one; also in the server's log lines and problem details.";

  /** The request headers the F(n) routes read besides Accept, for the operation descriptions. */
  public static final String REQUEST_HEADERS =
      "\n\nRequest headers: `Accept-Encoding` (q-values, `*`, `identity;q=0`; gzip is built once"
          + " per value and served with its own strong ETag; 406 when no coding is acceptable),"
          + " `If-None-Match` (weak comparison, 304), `Range` (one `bytes` range of the identity"
          + " bytes: `first-last`, `first-`, `-suffix`; 206, or 416 past the end) and `If-Range`"
          + " (the range only while the strong tag matches). HEAD answers the same headers with"
          + " the right Content-Length and no body.";

  private OpenApiHeaders() {}

  public static final String WWW_AUTHENTICATE =
      "Bearer realm=\"fibonacci\", error=\"invalid_token\", error_description=\"REASON\":"
          + " malformed, bad_checksum, unknown, revoked, too_large or jwt_not_accepted";
}
