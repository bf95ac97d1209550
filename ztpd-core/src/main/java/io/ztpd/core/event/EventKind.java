package io.ztpd.core.event;

/**
 * What happened. The lifecycle ({@code io.ztpd.core.lifecycle.Lifecycle}) folds these into a
 * device's state; kinds it does not know about only update "last event".
 */
public enum EventKind {
  // unknown devices and inventory
  UNKNOWN_DEVICE_SEEN,
  DEVICE_ADOPTED,
  DEVICE_REJECTED,
  DEVICE_CREATED,
  DEVICE_UPDATED,
  DEVICE_DELETED,
  // DHCP
  DHCP_DISCOVER,
  DHCP_OFFER,
  DHCP_REQUEST,
  DHCP_ACK,
  DHCP_NAK,
  DHCP_DECLINE,
  DHCP_RELEASE,
  DHCP_INFORM,
  /** A lease was seen by an external DHCP server (syslog / lease feed). */
  LEASE_REPORTED,
  // file delivery
  FILE_REQUESTED,
  /** A bootstrap script, intermediate file or other non-config artifact was delivered. */
  BOOTSTRAP_FETCHED,
  IMAGE_FETCHED,
  /** The minimal configuration was delivered. */
  CONF_MIN_FETCHED,
  FILE_FETCHED,
  FILE_FAILED,
  /**
   * A device fetched a bootstrap file, its minimal configuration or an image again in the same
   * attempt (ztpd's inference from its fetches: the file may not have taken).
   */
  FETCH_RETRIED,
  // device reports
  DEVICE_REPORT,
  CONF_MIN_APPLIED,
  // serial check
  SERIAL_CHECK_STARTED,
  SERIAL_CHECKED,
  SERIAL_MISMATCH,
  SERIAL_CHECK_FAILED,
  SERIAL_UPDATED,
  // final push
  PUSH_REQUESTED,
  PUSH_APPROVED,
  PUSH_STARTED,
  PUSH_SUCCEEDED,
  PUSH_FAILED,
  PUSH_PARTIAL,
  // outcome and operator
  DEVICE_FAILED,
  OPERATOR_RESET,
  /** A note from ztpd itself, e.g. a warning about an illegal transition. */
  NOTICE
}
