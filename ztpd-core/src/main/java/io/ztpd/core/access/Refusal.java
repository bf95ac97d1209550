package io.ztpd.core.access;

/**
 * An operation on devices that cannot be done as asked, with a message the operator can act on. The
 * API answers it with the status of its {@link Kind}.
 */
public final class Refusal extends RuntimeException {
  /** What is wrong: the HTTP API maps these to 404, 409, 400 and 422. */
  public enum Kind {
    NOT_FOUND,
    /** The device or job is not in a state that allows it. */
    CONFLICT,
    /** The request itself is malformed. */
    INVALID,
    /** Well-formed, but it cannot be carried out (a template fails, no push method). */
    UNPROCESSABLE
  }

  private final Kind kind;
  private final String field;

  public Refusal(Kind kind, String message, String field) {
    super(message);
    this.kind = kind;
    this.field = field;
  }

  public static Refusal notFound(String message) {
    return new Refusal(Kind.NOT_FOUND, message, null);
  }

  public static Refusal conflict(String message) {
    return new Refusal(Kind.CONFLICT, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The request field at fault, null when none. */
  public String field() {
    return field;
  }
}
