package io.ztpd.core.lifecycle;

/** Board column "Conf Min" (seed 004). */
public enum ConfMin {
  NOT_LOADED("Not Loaded"),
  LOADED("Loaded");

  private final String label;

  ConfMin(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
