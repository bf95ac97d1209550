package io.ztpd.core.provisioning;

import io.ztpd.core.event.EventKind;

/** What an artifact is for; decides which timeline event its delivery writes. */
public enum ArtifactKind {
  /** The minimal configuration rendered for the device. */
  CONFIG(EventKind.CONF_MIN_FETCHED),
  /** The final configuration (normally pushed, sometimes fetched). */
  FINAL_CONFIG(EventKind.FILE_FETCHED),
  /** A bootstrap script, intermediate file, ztp.json, POAP script ... */
  BOOTSTRAP(EventKind.BOOTSTRAP_FETCHED),
  /** A software image. */
  IMAGE(EventKind.IMAGE_FETCHED),
  /** A checksum companion ({@code .md5}, {@code .sha256}). */
  CHECKSUM(EventKind.FILE_FETCHED),
  /** Any other file under the file root. */
  STATIC(EventKind.FILE_FETCHED);

  private final EventKind deliveredEvent;

  ArtifactKind(EventKind deliveredEvent) {
    this.deliveredEvent = deliveredEvent;
  }

  public EventKind deliveredEvent() {
    return deliveredEvent;
  }
}
