package io.ztpd.vendors.cisco.pnp;

/**
 * Where one device is in its PnP exchange. Kept in memory: after a restart a device starts again
 * with device-info, and the timeline (Conf Min loaded, failed) decides the rest.
 */
final class PnpSession {
  enum Step {
    /** Nothing asked yet (or the last work item went unanswered): ask device-info. */
    NEW,
    /** device-info sent, no answer yet. */
    INFO_SENT,
    /** The device told us what it runs: decide image or config at its next work request. */
    INFO_RECEIVED,
    IMAGE_SENT,
    CONFIG_SENT,
    /** Configuration applied: nothing more to do. */
    DONE,
    /** The device reported an error (or ztpd could not make its work): wait for a reset. */
    FAILED
  }

  Step step = Step.NEW;

  /** Correlator and service of the work item we sent last, to check the response against. */
  String correlator;

  String service;
  DeviceInfo info;

  /** Image installs reported successful: a second one for the same target means it did not take. */
  int imageInstalls;

  void sent(Step next, String correlator, String service) {
    this.step = next;
    this.correlator = correlator;
    this.service = service;
  }

  void reset() {
    step = Step.NEW;
    correlator = null;
    service = null;
    info = null;
    imageInstalls = 0;
  }
}
