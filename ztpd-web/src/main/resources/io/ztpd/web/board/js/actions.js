// The operator's actions on one device, shared by the board's rows and the device page: the Serial
// cell (gear on Mismatch) and the Conf Final cell (Push, Approve, the last job's result).
import { api, enc } from "./api.js";
import { h, badge, busy, toast, describe, cls } from "./dom.js";
import { openMismatch } from "./mismatch.js";
import { showJob } from "./jobs.js";
import { reasonInText } from "./reasons.js";

/** device id → id of its latest push job, learnt from push answers and from events. */
const lastJob = new Map();

export function rememberJob(deviceId, jobId) {
  if (deviceId && jobId != null) lastJob.set(deviceId, String(jobId));
}

export function jobOf(deviceId) {
  return lastJob.get(deviceId);
}

/** Push events name their job (data.job or data.job_id): remember it for the device's details link. */
export function learnFromEvent(event) {
  const data = event.data || {};
  const job = data.job ?? data.job_id;
  if (job != null && String(event.kind).startsWith("PUSH_")) rememberJob(event.device_id, job);
}

const BUSY_FINAL = new Set(["Pushing", "Pending Approval"]);

/** Why Push is not possible now, or null when it is. */
export function pushBlocked(status) {
  if (status.serial !== "Checked") return "the serial is not checked yet";
  if (BUSY_FINAL.has(status.final)) return "a push is already " + status.final.toLowerCase();
  return null;
}

/** Starts a push for one device; returns the job (or undefined after showing the error). */
export async function pushOne(deviceId, button, errorEl) {
  return busy(
    button,
    async () => {
      const job = await api(`/api/v1/devices/${enc(deviceId)}/push`, { method: "POST", json: {} });
      if (errorEl) errorEl.hidden = true;
      rememberJob(deviceId, job && job.id);
      toast(`push of ${deviceId} started` + (job && job.id != null ? ` (job ${job.id})` : ""));
      return job;
    },
    (e) => showCellError(errorEl, e),
  );
}

export async function approve(jobId, button, errorEl) {
  return busy(
    button,
    async () => {
      const job = await api(`/api/v1/jobs/${enc(jobId)}/approve`, { method: "POST", json: {} });
      toast(`job ${jobId} approved`);
      return job;
    },
    (e) => showCellError(errorEl, e),
  );
}

function showCellError(el, e) {
  if (el) {
    el.hidden = false;
    el.textContent = describe(e);
  } else {
    toast(describe(e), "error");
  }
}

/** Key of what the Serial cell shows: it is rebuilt only when this changes. */
export function serialKey(d) {
  const s = d.status;
  return s.serial + (s.last_event === "SERIAL_CHECK_FAILED" ? "|" + s.last_event_detail : "");
}

export function serialCell(d) {
  const s = d.status.serial;
  const parts = [badge(s)];
  if (d.status.last_event === "SERIAL_CHECK_FAILED") {
    // wrong credentials, unreachable ...: said where the operator looks, not only on the timeline
    const detail = d.status.last_event_detail || "serial check failed";
    parts.push(h("span", { class: "cell-error error check-failed", title: detail }, reasonInText(detail) || detail));
  }
  if (s === "Mismatch") {
    parts.push(
      h(
        "button",
        {
          type: "button",
          class: "gear",
          title: "resolve the serial mismatch",
          "aria-label": `resolve the serial mismatch of ${d.hostname || d.id}`,
          onclick: () => openMismatch(d),
        },
        "⚙",
      ),
    );
  }
  return parts;
}

export function finalKey(d) {
  const s = d.status;
  return [s.final, s.serial, s.phase].join("|");
}

export function finalCell(d) {
  const s = d.status;
  const error = h("span", { class: "cell-error error", role: "alert", hidden: true });
  const parts = [];
  if (s.final === "Not Pushed") {
    parts.push(badge(s.final));
  } else {
    // the state opens its job: per-device result and the device's output
    const state = h("button", { type: "button", class: "st st-link st-" + cls(s.final), title: "show the push job" }, s.final);
    state.addEventListener("click", async () => {
      const id = jobOf(d.id) || (await findJob(d.id, () => true, error));
      if (id) showJob(id);
    });
    parts.push(state);
  }
  const blocked = pushBlocked(s);
  const push = h("button", { type: "button", class: "push", disabled: !!blocked, title: blocked ? "cannot push: " + blocked : "push the final configuration" }, "Push");
  push.addEventListener("click", () => pushOne(d.id, push, error));
  parts.push(push);
  if (s.final === "Pending Approval") {
    const ok = h("button", { type: "button", class: "approve", title: "approve the push" }, "Approve");
    ok.addEventListener("click", async () => {
      const id = jobOf(d.id) || (await findJob(d.id, (j) => j.state === "pending_approval", error));
      if (id) approve(id, ok, error);
    });
    parts.push(ok);
  }
  parts.push(error);
  return parts;
}

/** The newest job for a device that `wanted` accepts, when no answer or event told us its id. */
async function findJob(deviceId, wanted, errorEl) {
  try {
    const jobs = await api("/api/v1/jobs?limit=200");
    const list = Array.isArray(jobs) ? jobs : jobs.items || [];
    for (const j of list) {
      const devices = (j.results || []).map((r) => r.device_id);
      if (devices.includes(deviceId) && wanted(j)) {
        rememberJob(deviceId, j.id);
        return String(j.id);
      }
    }
    showCellError(errorEl, new Error("no push job found for " + deviceId));
  } catch (e) {
    showCellError(errorEl, e);
  }
  return null;
}
