package io.ztpd.core.inventory.io;

/**
 * One problem in an inventory file.
 *
 * @param file the file name as the operator knows it
 * @param line 1-based line, 0 when the problem is not tied to a line
 * @param key where in the document: {@code devices[2].site} (YAML) or {@code column 'mac'} (CSV),
 *     null when the problem is the file itself
 * @param message what is wrong
 */
public record InventoryError(String file, int line, String key, String message) {

  /** {@code inventory.csv line 12: column 'mac': not a MAC address: 'zz'}. */
  @Override
  public String toString() {
    return file
        + (line > 0 ? " line " + line : "")
        + ": "
        + (key == null ? "" : key + ": ")
        + message;
  }
}
