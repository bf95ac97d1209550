package io.ztpd.core.store;

/** A store operation failed (connection lost, constraint violated, ...). */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
