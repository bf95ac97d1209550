// Why ztpd could not talk to a device over SSH, in the operator's words (the reason codes of the serial
// check and the push: "auth_failed", "unreachable" ...).

const REASONS = {
  auth_failed: "the device refused the local account (wrong credentials?)",
  unreachable: "the device is unreachable over SSH",
  timeout: "the device did not answer in time",
  no_address: "ztpd does not know the device's address yet",
  connection_lost: "the SSH connection was lost",
  unparsable: "the device's answer could not be read",
  unsupported: "this vendor has no serial check",
  bad_setting: "the serial check is misconfigured",
};

export function reason(code) {
  return REASONS[code] || null;
}

/** "serial check failed (auth_failed): 127.0.0.1:22 refused …" → the sentence for auth_failed. */
export function reasonInText(text) {
  const m = /\(([a-z_]+)\)/.exec(text || "");
  return (m && REASONS[m[1]]) || null;
}
