package io.ztpd.core.lifecycle;

/** Board column "Serial" (seed 004). */
public enum SerialState {
  NOT_CHECKED("Not Checked"),
  MISMATCH("Mismatch"),
  CHECKED("Checked");

  private final String label;

  SerialState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
