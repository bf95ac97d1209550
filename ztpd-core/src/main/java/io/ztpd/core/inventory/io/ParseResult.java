package io.ztpd.core.inventory.io;

import java.util.List;

/** Reading an inventory file either fully succeeds or yields every error found: never half. */
public sealed interface ParseResult {
  record Parsed(InventoryDocument document) implements ParseResult {}

  record Invalid(List<InventoryError> errors) implements ParseResult {
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) throw new IllegalArgumentException("invalid needs an error");
    }

    /** All errors, one per line. */
    public String describe() {
      StringBuilder sb = new StringBuilder();
      for (InventoryError e : errors) {
        if (!sb.isEmpty()) sb.append('\n');
        sb.append(e);
      }
      return sb.toString();
    }
  }
}
