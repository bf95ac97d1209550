package io.ztpd.core.image;

/** A repository operation refused for a reason the operator can act on. */
public final class ImageException extends Exception {
  public ImageException(String message) {
    super(message);
  }

  public ImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
