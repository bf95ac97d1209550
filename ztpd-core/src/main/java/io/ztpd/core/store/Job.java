package io.ztpd.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A push job: a final configuration (or another operation) pushed to one or many devices.
 *
 * @param id store-assigned, increasing
 * @param created when it was requested
 * @param requestedBy operator or "api" / "auto"
 * @param state where the job is
 * @param approval whether it needs / got approval
 * @param approvedBy who approved or rejected it, null until then
 * @param description what it pushes, for humans ("final config", template name ...)
 */
public record Job(
    long id,
    Instant created,
    String requestedBy,
    State state,
    Approval approval,
    String approvedBy,
    String description) {

  public Job {
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(approval, "approval");
    requestedBy = requestedBy == null ? "" : requestedBy;
    description = description == null ? "" : description;
  }

  public enum State {
    PENDING_APPROVAL,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    PARTIALLY_COMPLETED,
    CANCELLED
  }

  public enum Approval {
    NOT_REQUIRED,
    REQUIRED,
    APPROVED,
    REJECTED
  }
}
