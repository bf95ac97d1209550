package io.ztpd.core.provisioning;

/** What the resolver decided for a {@link FetchRequest}. */
public sealed interface Resolution
    permits Resolution.Found, Resolution.NotFound, Resolution.Denied, Resolution.Failed {

  /**
   * @param artifact what to send
   * @param deviceId the device it was made for, null for a file not tied to a device
   */
  record Found(Artifact artifact, String deviceId) implements Resolution {}

  /**
   * Nothing at that path for that requester (TFTP error 1, HTTP 404, FTP 550, SFTP no such file).
   */
  record NotFound(String reason) implements Resolution {}

  /** Not allowed: path outside the roots, rejected device ... (TFTP error 2, HTTP 403). */
  record Denied(String reason) implements Resolution {}

  /** Something ztpd should have made could not be made, e.g. a template error (HTTP 500). */
  record Failed(String reason) implements Resolution {}
}
