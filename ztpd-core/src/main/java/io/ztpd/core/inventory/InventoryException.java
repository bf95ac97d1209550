package io.ztpd.core.inventory;

/** An inventory change was refused; {@code field} names what to fix (for JSON errors). */
public class InventoryException extends RuntimeException {
  private final String field;
  private final boolean notFound;

  public InventoryException(String field, String message) {
    this(field, message, false);
  }

  private InventoryException(String field, String message, boolean notFound) {
    super(message);
    this.field = field;
    this.notFound = notFound;
  }

  public static InventoryException notFound(String what, String key) {
    return new InventoryException(null, what + " '" + key + "' does not exist", true);
  }

  public String field() {
    return field;
  }

  public boolean isNotFound() {
    return notFound;
  }
}
