package io.fibonacci.presentation.http.representation;

import io.fibonacci.shared.ContentCoding;
import io.fibonacci.shared.Nullable;
import java.util.List;
import java.util.Locale;

/**
 * A client's {@code Accept-Encoding} as RFC 9110 12.5.3 reads it: a quality per coding, {@code *}
 * for codings not named, and identity acceptable unless {@code identity;q=0}, or {@code *;q=0}
 * without an entry for identity, refuses it. No field at all accepts anything; we then send
 * identity, as clients that send no field (curl, wrk) expect.
 */
public final class AcceptEncoding {

  /** Longer fields are not read past this: no client needs more, and parsing stays bounded. */
  static final int MAX_FIELD_LENGTH = 8192;

  private static final double UNSET = -1;

  /** The field was absent. */
  private static final AcceptEncoding ABSENT = new AcceptEncoding(UNSET, UNSET, UNSET);

  private final double gzip;
  private final double identity;
  private final double any;

  private AcceptEncoding(double gzip, double identity, double any) {
    this.gzip = gzip;
    this.identity = identity;
    this.any = any;
  }

  /** Reads every {@code Accept-Encoding} line of a request, in order; none means absent. */
  public static AcceptEncoding parse(List<String> fields) {
    if (fields == null || fields.isEmpty()) {
      return ABSENT;
    }
    double gzip = UNSET;
    double identity = UNSET;
    double any = UNSET;
    int budget = MAX_FIELD_LENGTH;
    for (String field : fields) {
      String text = field.length() > budget ? field.substring(0, budget) : field;
      budget -= text.length();
      for (String element : text.split(",", -1)) {
        int semicolon = element.indexOf(';');
        String coding =
            (semicolon < 0 ? element : element.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
        if (coding.isEmpty()) {
          continue;
        }
        double quality = semicolon < 0 ? 1 : quality(element.substring(semicolon + 1));
        if (quality < 0) {
          continue; // a malformed weight: the element is ignored
        }
        switch (coding) {
          case "gzip", "x-gzip" -> gzip = Math.max(gzip, quality);
          case "identity" -> identity = Math.max(identity, quality);
          case "*" -> any = Math.max(any, quality);
          default -> {
            // a coding we do not offer
          }
        }
      }
      if (budget <= 0) {
        break;
      }
    }
    return new AcceptEncoding(gzip, identity, any);
  }

  /** Whether {@code coding} may be sent. */
  public boolean accepts(ContentCoding coding) {
    return quality(coding) > 0;
  }

  /**
   * The coding to send: gzip when the client accepts it at least as much as identity (compressed
   * bytes are fewer for the same content), else identity; null when it accepts neither.
   */
  public @Nullable ContentCoding preferred() {
    double gzipQuality = quality(ContentCoding.GZIP);
    double identityQuality = quality(ContentCoding.IDENTITY);
    if (this != ABSENT && gzipQuality > 0 && gzipQuality >= identityQuality) {
      return ContentCoding.GZIP;
    }
    if (identityQuality > 0) {
      return ContentCoding.IDENTITY;
    }
    return null;
  }

  double quality(ContentCoding coding) {
    if (this == ABSENT) {
      return 1;
    }
    return switch (coding) {
      case GZIP -> gzip != UNSET ? gzip : Math.max(any, 0);
      case IDENTITY -> identity != UNSET ? identity : (any == 0 ? 0 : 1);
    };
  }

  /** The weight of {@code ;q=0.5}-style parameters, or -1 when malformed. */
  private static double quality(String parameters) {
    for (String parameter : splitOn(parameters, ";")) {
      String trimmed = parameter.trim();
      if (trimmed.length() >= 2
          && (trimmed.charAt(0) == 'q' || trimmed.charAt(0) == 'Q')
          && trimmed.charAt(1) == '=') {
        return weight(trimmed.substring(2).trim());
      }
    }
    return 1;
  }

  /** RFC 9110 12.4.2: {@code 0[.ddd]} or {@code 1[.000]}. */
  private static double weight(String text) {
    if (text.isEmpty() || text.length() > 5) {
      return -1;
    }
    char first = text.charAt(0);
    if (first != '0' && first != '1') {
      return -1;
    }
    if (text.length() > 1) {
      if (text.charAt(1) != '.') {
        return -1;
      }
      for (int i = 2; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9' || (first == '1' && c != '0')) {
          return -1;
        }
      }
    }
    return Double.parseDouble(text.length() == 2 ? text.substring(0, 1) : text);
  }

  /** The fields of a header value between separators; trailing empty fields are dropped. */
  @SuppressWarnings("StringSplitter") // dropping trailing empty fields is what is wanted here
  static String[] splitOn(String value, String separator) {
    return value.split(separator);
  }
}
