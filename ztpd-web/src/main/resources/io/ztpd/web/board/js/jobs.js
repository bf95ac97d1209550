// Push jobs: the list, one job's per-device results (Success / Failed / Partially Completed, with the
// device's output in a details view) and its Approve action. A shown job follows the push events of its
// devices, so it fills in while the push runs.
import { api, enc } from "./api.js";
import { h, badge, busy, showError, clearError, fmtTime, debounce, toast } from "./dom.js";
import { subscribe } from "./live.js";
import { openModal } from "./modal.js";

const LABELS = {
  success: "Success",
  succeeded: "Success",
  ok: "Success",
  failed: "Failed",
  failure: "Failed",
  partial: "Partially Completed",
  partially_completed: "Partially Completed",
  waiting: "Waiting",
  queued: "Queued",
  running: "Running",
  skipped: "Skipped",
  cancelled: "Cancelled",
  pending_approval: "Pending Approval",
};

/** "partially_completed", "PARTIAL", "success" → the board's words. */
export function label(v) {
  const k = String(v || "").toLowerCase().replace(/[ -]/g, "_");
  return LABELS[k] || String(v || "");
}

const TERMINAL = new Set(["Success", "Failed", "Partially Completed", "Cancelled"]);
const POLL_MS = 3000;
const POLL_MAX = 200; // a job still running after ten minutes is left as it is shown

function resultsOf(job) {
  return job.results || [];
}

/** "3 devices: 2 success, 1 failed" */
function summary(job) {
  const results = resultsOf(job);
  const by = new Map();
  for (const r of results) {
    const l = r.label || label(r.outcome);
    by.set(l, (by.get(l) || 0) + 1);
  }
  const parts = [...by].map(([l, n]) => `${n} ${l.toLowerCase()}`);
  return `${results.length} device(s)` + (parts.length ? ": " + parts.join(", ") : "");
}

function needsApproval(job) {
  return label(job.state) === "Pending Approval" || String(job.approval || "").toLowerCase() === "required";
}

/** A live panel for one job; returns {el, dispose}. */
export function jobPanel(jobId) {
  const el = h("section", { class: "job", "aria-busy": "true", dataset: { job: jobId } }, h("p", {}, `job ${jobId}: loading…`));
  const error = h("p", { class: "error", hidden: true });
  let job = null;
  let polls = 0;
  let timer = null;

  const render = () => {
    const head = h(
      "header",
      {},
      h("h3", {}, `Job ${job.id}`),
      badge(job.label || label(job.state)),
      job.description ? h("span", { class: "muted" }, job.description) : null,
      h("span", { class: "muted" }, fmtTime(job.created) + (job.requested_by ? " · " + job.requested_by : "")),
    );
    if (needsApproval(job)) {
      const ok = h("button", { type: "button", class: "approve primary" }, "Approve");
      ok.addEventListener("click", () =>
        busy(ok, async () => {
          await api(`/api/v1/jobs/${enc(job.id)}/approve`, { method: "POST", json: {} });
          toast(`job ${job.id} approved`);
          refresh();
        }, (e) => showError(error, e)),
      );
      head.append(ok);
    }
    const rows = resultsOf(job).map((r) => {
      const result = r.label || label(r.outcome);
      const output = r.output || r.summary || "";
      return h(
        "tr",
        { dataset: { device: r.device_id } },
        h("td", {}, h("a", { href: `#/devices/${enc(r.device_id)}` }, r.device_id)),
        h("td", { class: "result" }, badge(result)),
        h("td", {}, output ? h("details", { open: result !== "Success" }, h("summary", {}, "output"), h("pre", { class: "output" }, output)) : ""),
      );
    });
    el.replaceChildren(
      head,
      error,
      h("table", { class: "results" }, h("thead", {}, h("tr", {}, h("th", {}, "Device"), h("th", {}, "Result"), h("th", {}, "Output"))), h("tbody", {}, rows)),
    );
    el.removeAttribute("aria-busy");
  };

  const refresh = async () => {
    try {
      job = await api(`/api/v1/jobs/${enc(jobId)}`);
      clearError(error);
      render();
    } catch (e) {
      if (!job) el.replaceChildren(error);
      el.removeAttribute("aria-busy");
      showError(error, e);
    }
    schedulePoll();
  };

  const schedulePoll = () => {
    clearTimeout(timer);
    if (!el.isConnected && polls > 0) return;
    if (job && TERMINAL.has(job.label || label(job.state))) return;
    if (++polls > POLL_MAX) return;
    timer = setTimeout(refresh, POLL_MS);
  };

  const soon = debounce(refresh, 200);
  const unsubscribe = subscribe(({ event }) => {
    if (!job || !String(event.kind).startsWith("PUSH_")) return;
    if (resultsOf(job).some((r) => r.device_id === event.device_id)) soon();
  });
  refresh();
  return {
    el,
    dispose: () => {
      unsubscribe();
      clearTimeout(timer);
    },
  };
}

/** One job in the modal (from a Conf Final badge). */
export function showJob(jobId) {
  const panel = jobPanel(jobId);
  const close = h("button", { type: "button", onclick: () => document.getElementById("modal").close() }, "Close");
  openModal(h("div", { class: "job-modal" }, h("h2", { id: "modal-title", class: "visually-hidden" }, "Job " + jobId), panel.el, h("div", { class: "buttons" }, close)), close);
  document.getElementById("modal").addEventListener("close", panel.dispose, { once: true });
}

/** #/jobs and #/jobs/ID */
export function mountJobs(view, params) {
  if (params.id) {
    const panel = jobPanel(params.id);
    view.replaceChildren(h("p", {}, h("a", { href: "#/jobs" }, "‹ all jobs")), panel.el);
    return panel.dispose;
  }
  const error = h("p", { class: "error", hidden: true });
  const body = h("tbody");
  view.replaceChildren(
    h("h2", {}, "Push jobs"),
    error,
    h("table", { class: "jobs" }, h("thead", {}, h("tr", {}, ["Job", "Created", "State", "Approval", "Results", "Description"].map((t) => h("th", {}, t)))), body),
  );
  const load = async () => {
    try {
      const jobs = await api("/api/v1/jobs?limit=100");
      const list = Array.isArray(jobs) ? jobs : jobs.items || [];
      body.replaceChildren(
        ...list.map((j) =>
          h(
            "tr",
            {},
            h("td", {}, h("a", { href: `#/jobs/${enc(j.id)}` }, String(j.id))),
            h("td", {}, fmtTime(j.created)),
            h("td", {}, badge(j.label || label(j.state))),
            h("td", {}, String(j.approval || "").toLowerCase().replace(/_/g, " ")),
            h("td", {}, summary(j)),
            h("td", {}, j.description || ""),
          ),
        ),
      );
      if (!list.length) body.replaceChildren(h("tr", {}, h("td", { colspan: 6, class: "muted" }, "no push jobs yet")));
      clearError(error);
    } catch (e) {
      showError(error, e);
    }
  };
  load();
  const soon = debounce(load, 500);
  return subscribe(({ event }) => {
    if (String(event.kind).startsWith("PUSH_")) soon();
  });
}
