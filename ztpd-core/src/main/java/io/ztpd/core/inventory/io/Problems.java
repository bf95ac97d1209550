package io.ztpd.core.inventory.io;

import java.util.ArrayList;
import java.util.List;

/** Collects errors for one file, up to a cap (then one last error says it stopped). */
final class Problems {
  private final String file;
  private final int cap;
  private final List<InventoryError> errors = new ArrayList<>();
  private boolean full;

  Problems(String file, int cap) {
    this.file = file;
    this.cap = Math.max(1, cap);
  }

  String file() {
    return file;
  }

  void add(int line, String key, String message) {
    if (full) return;
    if (errors.size() == cap) {
      errors.add(new InventoryError(file, 0, null, "more than " + cap + " errors; stopped here"));
      full = true;
      return;
    }
    errors.add(new InventoryError(file, line, key, message));
  }

  boolean full() {
    return full;
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  List<InventoryError> list() {
    return errors;
  }
}
