package io.ztpd.vendors.cisco.pnp;

/** A message a PnP agent posts, as parsed by {@link PnpCodec}. */
public sealed interface PnpMessage {
  /** The device's UDI as it sent it (echoed verbatim in our answers). */
  String udiText();

  Udi udi();

  /**
   * {@code POST /pnp/WORK-REQUEST}: "anything for me?".
   *
   * @param correlator the agent's correlator, echoed in the work item we answer with
   */
  record WorkRequest(String udiText, Udi udi, String correlator) implements PnpMessage {}

  /**
   * {@code POST /pnp/WORK-RESPONSE}: the outcome of a work item.
   *
   * @param service the work item's service, from the response namespace {@code
   *     urn:cisco:pnp:<service>} ({@code device-info}, {@code config-upgrade}, {@code
   *     image-install} ...)
   * @param success whether {@code success="1"}
   * @param errorMessage {@code errorInfo/errorMessage} when it failed
   * @param errorCode {@code errorInfo/errorCode} when it failed
   * @param info the device-info body, for a successful device-info response (else null)
   */
  record WorkResponse(
      String udiText,
      Udi udi,
      String correlator,
      String service,
      boolean success,
      String errorMessage,
      String errorCode,
      DeviceInfo info)
      implements PnpMessage {}

  /**
   * A work response in namespace {@code urn:cisco:pnp:fault}: the agent could not process what we
   * sent (it carries no correlator).
   */
  record Fault(String udiText, Udi udi, String faultCode, String faultString, String detail)
      implements PnpMessage {}
}
