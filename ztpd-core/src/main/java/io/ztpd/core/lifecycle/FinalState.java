package io.ztpd.core.lifecycle;

/** Board column "Conf Final". */
public enum FinalState {
  NOT_PUSHED("Not Pushed"),
  PENDING_APPROVAL("Pending Approval"),
  PUSHING("Pushing"),
  PUSHED("Pushed"),
  FAILED("Failed"),
  PARTIALLY_COMPLETED("Partially Completed");

  private final String label;

  FinalState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
