package io.ztpd.web.api;

/** Thrown by handlers to answer with an {@link ApiError} and a status. */
public class ApiException extends RuntimeException {
  private final int status;
  private final String error;
  private final String field;

  public ApiException(int status, String error, String detail, String field) {
    super(detail);
    this.status = status;
    this.error = error;
    this.field = field;
  }

  public static ApiException badRequest(String detail, String field) {
    return new ApiException(400, "invalid request", detail, field);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "not found", detail, null);
  }

  public int status() {
    return status;
  }

  public ApiError body() {
    return new ApiError(error, getMessage(), field);
  }
}
