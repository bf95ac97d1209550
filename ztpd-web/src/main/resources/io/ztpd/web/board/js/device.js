// One device: its stages and actions, its timeline (live), the files it fetched (from its events), its
// leases and its rendered minimal and final configurations.
import { api, enc } from "./api.js";
import { h, badge, showError, clearError, fmtTime, busy, toast } from "./dom.js";
import { subscribe, onReconnect } from "./live.js";
import { serialCell, finalCell, learnFromEvent } from "./actions.js";
import { older } from "./rows.js";

const FETCH_KINDS = new Set(["CONF_MIN_FETCHED", "BOOTSTRAP_FETCHED", "IMAGE_FETCHED", "FILE_FETCHED", "FILE_FAILED"]);
const TROUBLE = /FAILED|MISMATCH|PARTIAL|NAK|DECLINE|REJECTED|RETRIED/;
const EVENTS_SHOWN = 500;

export function mountDevice(view, { id }) {
  const error = h("p", { class: "error", hidden: true });
  const summary = h("section", { class: "summary" });
  const timeline = h("tbody");
  const files = h("tbody");
  const leases = h("tbody");
  const configs = h("section", { class: "configs" });
  view.replaceChildren(
    h("p", {}, h("a", { href: "#/" }, "‹ board")),
    error,
    summary,
    h("h3", {}, "Rendered configuration"),
    configs,
    h("div", { class: "two" },
      h("section", {}, h("h3", {}, "Files fetched"), table(["Time", "File", "Protocol", "Bytes", "Result"], files, "files")),
      h("section", {}, h("h3", {}, "Leases"), table(["IP", "MAC", "State", "Start", "Expires"], leases, "leases")),
    ),
    h("h3", {}, "Timeline"),
    table(["#", "Time", "Event", "Source", "Detail"], timeline, "timeline"),
  );
  let device = null;
  let events = [];

  async function loadDevice() {
    try {
      const fresh = await api(`/api/v1/devices/${enc(id)}`);
      // an event may have brought a newer status while this was on its way
      device = device && older(fresh.status, device.status) ? { ...fresh, status: device.status } : fresh;
      clearError(error);
      drawSummary();
    } catch (e) {
      showError(error, e);
    }
  }
  function drawSummary() {
    const d = device;
    const s = d.status;
    const facts = [
      ["Serial (declared)", d.serial], ["Serial (seen)", s.observed_serial], ["MAC", d.mac], ["IP", s.ip],
      ["Vendor / model", [d.vendor, d.model].filter(Boolean).join(" / ")], ["Site", d.site], ["Group", d.group],
      ["Template", d.template || "(vendor default)"], ["Final template", d.final_template || "(vendor default)"],
      ["Attempt", s.attempt], ["Started", fmtTime(s.started_at)],
      ["Failure", s.failure_reason ? s.failure_reason + (s.failure_step ? " (step " + s.failure_step + ")" : "") : ""],
    ].filter(([, v]) => v !== null && v !== undefined && v !== "");
    const reset = h("button", { type: "button", title: "forget the progress: the device starts again from planned" }, "Reset");
    reset.addEventListener("click", () => {
      if (!confirm(`Reset ${d.hostname || d.id}? Its stages start again from planned.`)) return;
      busy(reset, async () => {
        await api(`/api/v1/devices/${enc(d.id)}/reset`, { method: "POST" });
        toast(`${d.id} reset`);
      }, (e) => showError(error, e));
    });
    summary.replaceChildren(
      h("h2", {}, d.hostname || d.id, " ", h("small", { class: "muted" }, d.id)),
      h("div", { class: "stages" },
        h("span", {}, "Phase ", badge(s.phase.replace(/_/g, " "))),
        h("span", {}, "Conf Min ", badge(s.conf_min)),
        h("span", { class: "c-serial_state" }, "Serial ", ...serialCell(d)),
        h("span", { class: "c-final" }, "Conf Final ", ...finalCell(d)),
        h("a", { href: `#/inventory?edit=${enc(d.id)}` }, "edit"),
        reset,
      ),
      h("dl", { class: "facts" }, facts.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))])),
    );
  }

  async function loadEvents() {
    try {
      events = await api(`/api/v1/events?device=${enc(id)}&limit=${EVENTS_SHOWN}`);
      timeline.replaceChildren(...events.slice().reverse().map(eventRow));
      files.replaceChildren(...events.filter((e) => FETCH_KINDS.has(e.kind)).reverse().map(fileRow));
      if (!files.children.length) files.append(empty(5, "no file fetched yet"));
    } catch (e) {
      showError(error, e);
    }
  }

  async function loadLeases() {
    try {
      const list = await api(`/api/v1/leases?device=${enc(id)}`);
      leases.replaceChildren(...list.map((l) => h("tr", {}, h("td", {}, l.ip), h("td", {}, l.mac), h("td", {}, String(l.state || "").toLowerCase()), h("td", {}, fmtTime(l.start)), h("td", {}, fmtTime(l.expires)))));
      if (!list.length) leases.append(empty(5, "no lease known (DHCP from ztpd or a lease feed)"));
    } catch (e) {
      leases.replaceChildren(empty(5, "leases: " + (e.detail || e.message)));
    }
  }

  async function loadConfigs() {
    const panes = ["conf_min", "final"].map((stage) => {
      const pre = h("pre", { class: "config", dataset: { stage }, "aria-busy": "true" }, "rendering…");
      api(`/api/v1/devices/${enc(id)}/render?stage=${stage}`)
        .then((text) => { pre.textContent = text; })
        .catch((e) => { pre.className = "config error"; pre.textContent = (e.error || "error") + ": " + (e.detail || e.message); })
        .finally(() => pre.removeAttribute("aria-busy"));
      return h("details", { open: stage === "conf_min" }, h("summary", {}, stage === "conf_min" ? "Minimal (Conf Min)" : "Final (Conf Final)"), pre);
    });
    configs.replaceChildren(...panes);
  }

  const unsubscribe = subscribe(({ event, status }) => {
    if (event.device_id !== id) return;
    learnFromEvent(event);
    if (events.some((e) => e.seq === event.seq)) return;
    events.push(event);
    timeline.prepend(eventRow(event));
    if (FETCH_KINDS.has(event.kind)) {
      files.querySelector(".empty")?.closest("tr").remove();
      files.prepend(fileRow(event));
    }
    if (event.kind.startsWith("DHCP_") || event.kind === "LEASE_REPORTED") loadLeases();
    if (device && status && older(status, device.status)) {
      // nothing newer to show
    } else if (device && status && event.kind !== "DEVICE_UPDATED") {
      device = { ...device, status };
      drawSummary();
    } else {
      loadDevice();
    }
  });
  const unReconnect = onReconnect(() => { loadDevice(); loadEvents(); });
  loadDevice();
  loadEvents();
  loadLeases();
  loadConfigs();
  return () => { unsubscribe(); unReconnect(); };
}

function table(heads, body, cls) {
  return h("table", { class: cls }, h("thead", {}, h("tr", {}, heads.map((t) => h("th", {}, t)))), body);
}

function empty(cols, text) {
  return h("tr", {}, h("td", { colspan: cols, class: "muted empty" }, text));
}

function eventRow(e) {
  const warn = e.data && e.data.warning;
  return h(
    "tr",
    { class: TROUBLE.test(e.kind) || warn ? "trouble" : "", dataset: { seq: e.seq, kind: e.kind } },
    h("td", {}, String(e.seq)),
    h("td", {}, fmtTime(e.time)),
    h("td", {}, e.kind.toLowerCase().replace(/_/g, " ")),
    h("td", {}, e.source || ""),
    h("td", {}, (e.detail || "") + (warn ? ` (${warn})` : "")),
  );
}

function fileRow(e) {
  const d = e.data || {};
  const failed = e.kind === "FILE_FAILED";
  return h(
    "tr",
    { class: failed ? "trouble" : "" },
    h("td", {}, fmtTime(e.time)),
    h("td", {}, d.path || e.detail || ""),
    h("td", {}, e.source || ""),
    h("td", {}, d.bytes || ""),
    h("td", {}, failed ? "failed: " + (d.reason || e.detail || "") : e.kind.toLowerCase().replace(/_/g, " ")),
  );
}
