// Seed 004's mismatch resolution: the declared (wrong) serial, the local account to log in with, a New
// Serial field and Check Serial, which updates the inventory and runs the check again. The modal closes
// once ztpd accepted the new serial; the row turns Checked when the check's event arrives.
import { api, enc } from "./api.js";
import { h, busy, formError, describe } from "./dom.js";
import { openModal, closeModal } from "./modal.js";
import { reason } from "./reasons.js";

export function openMismatch(device) {
  const s = device.status || {};
  const account = h("dd", { class: "account", "aria-busy": "true" }, "loading…");
  const input = h("input", {
    name: "serial",
    id: "new-serial",
    required: true,
    autocomplete: "off",
    spellcheck: "false",
    placeholder: s.observed_serial || "serial shown by the device",
  });
  const check = h("button", { type: "submit", class: "primary" }, "Check Serial");
  const form = h(
    "form",
    { class: "mismatch", novalidate: true },
    h("h2", { id: "modal-title" }, `Serial mismatch — ${device.hostname || device.id}`),
    h(
      "dl",
      {},
      h("dt", {}, "Wrong serial (declared)"),
      h("dd", { class: "wrong-serial" }, device.serial || "(none)"),
      h("dt", {}, "Serial the device presented"),
      h("dd", { class: "observed-serial" }, s.observed_serial || "(not read)"),
      h("dt", {}, "Log in with"),
      account,
    ),
    h(
      "p",
      { class: "hint" },
      "Connect to the device with this local account, read its serial and, if it is the device you expect, enter it below.",
    ),
    h("label", { for: "new-serial" }, "New Serial"),
    h("div", { class: "row" }, input),
    h("p", { class: "form-error", hidden: true }),
    h(
      "div",
      { class: "buttons" },
      h("button", { type: "button", onclick: closeModal }, "Cancel"),
      check,
    ),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const serial = input.value.trim();
    if (!serial) {
      formError(form, { error: "New Serial is required", field: "serial" });
      return;
    }
    busy(
      check,
      async () => {
        const r = await api(`/api/v1/devices/${enc(device.id)}/check-serial`, {
          method: "POST",
          json: { serial },
          timeout: 60000, // the check logs in over SSH and may retry once or twice
        });
        // ztpd stored the new serial whatever the check said: it is now the declared one
        if (r && r.device) form.querySelector(".wrong-serial").textContent = r.device.serial || "(none)";
        if (r && r.serial) form.querySelector(".observed-serial").textContent = r.serial;
        const problem = outcome(r, serial);
        if (problem) formError(form, { ...problem, field: "serial" });
        else closeModal();
      },
      (err) => formError(form, err.field ? err : Object.assign(err, { field: "serial" })),
    );
  });
  openModal(form, input);
  loadAccount(device.id, account);
}

async function loadAccount(id, el) {
  try {
    const a = await api(`/api/v1/devices/${enc(id)}/account`);
    const password = h("input", { type: "password", readonly: true, class: "password", value: a.password || "", "aria-label": "password" });
    const show = h("button", { type: "button", class: "small" }, "show");
    show.addEventListener("click", () => {
      password.type = password.type === "password" ? "text" : "password";
      show.textContent = password.type === "password" ? "show" : "hide";
    });
    el.replaceChildren(h("span", { class: "username" }, a.username || ""), " / ", password, show);
  } catch (e) {
    el.className = "account error";
    el.textContent =
      e.status === 403
        ? "You are not allowed to see this device's local account."
        : e.status === 404
          ? "No local account has been generated for this device yet."
          : "Cannot load the local account: " + describe(e);
  } finally {
    el.removeAttribute("aria-busy");
  }
}

/**
 * What the check said, as an error to show beside New Serial; null when the serial is now Checked
 * (the modal closes, and the row turns Checked when the event arrives).
 */
function outcome(r, typed) {
  const result = (r && r.result) || "checked";
  if (result === "checked") return null;
  if (result === "mismatch") {
    return { error: "still a mismatch", detail: `the device presents serial ${r.serial || "?"}, not ${r.expected || typed}` };
  }
  if (result === "running") {
    return { error: "check still running", detail: r.detail || "its outcome will appear on the board" };
  }
  const retry = r.retrying ? ` (ztpd retries in ${r.next_attempt_seconds ?? "a few"} s)` : "";
  return { error: reason(r.reason) || "serial check failed", detail: (r.detail || "") + retry };
}

