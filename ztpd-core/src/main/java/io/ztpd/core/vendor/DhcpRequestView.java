package io.ztpd.core.vendor;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a vendor profile may read of a DHCP request, without knowing the wire codec (which lives in
 * ztpd-dhcp and implements this).
 */
public interface DhcpRequestView {
  /** Normalised MAC from chaddr. */
  String mac();

  /** Relay address (giaddr) as text, or null when not relayed. */
  String giaddr();

  /** DHCP message type (option 53): 1 DISCOVER, 3 REQUEST, 8 INFORM ... */
  int messageType();

  /** Raw bytes of an option (joined when split per RFC 3396), if present. */
  Optional<byte[]> option(int code);

  /** Raw bytes of a sub-option of option 82 (relay agent information). */
  Optional<byte[]> relaySubOption(int code);

  /** Whether the client listed {@code code} in its parameter request list (option 55). */
  boolean requested(int code);

  /** An option as ISO-8859-1 text (vendor strings are ASCII), if present. */
  default Optional<String> optionText(int code) {
    return option(code).map(b -> new String(b, StandardCharsets.ISO_8859_1));
  }
}
