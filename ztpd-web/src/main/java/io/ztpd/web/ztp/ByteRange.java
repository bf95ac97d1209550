package io.ztpd.web.ztp;

/**
 * A single HTTP byte range (RFC 9110 §14), resolved against a length. Multi-range requests are
 * answered with the whole entity, which the RFC allows.
 *
 * @param start first byte
 * @param end last byte, inclusive
 */
record ByteRange(long start, long end) {
  long length() {
    return end - start + 1;
  }

  /** Outcome of reading a Range header. */
  sealed interface Parsed {
    record Whole() implements Parsed {}

    record Partial(ByteRange range) implements Parsed {}

    record Unsatisfiable() implements Parsed {}
  }

  static Parsed parse(String header, long size) {
    if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
      return new Parsed.Whole();
    }
    String spec = header.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) return new Parsed.Whole();
    try {
      String a = spec.substring(0, dash).trim();
      String b = spec.substring(dash + 1).trim();
      if (a.isEmpty()) { // suffix: the last N bytes
        long n = Long.parseLong(b);
        if (n <= 0 || size == 0) return new Parsed.Unsatisfiable();
        return new Parsed.Partial(new ByteRange(Math.max(0, size - n), size - 1));
      }
      long start = Long.parseLong(a);
      long end = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
      if (start >= size || start > end) return new Parsed.Unsatisfiable();
      return new Parsed.Partial(new ByteRange(start, end));
    } catch (NumberFormatException e) {
      return new Parsed.Whole();
    }
  }
}
