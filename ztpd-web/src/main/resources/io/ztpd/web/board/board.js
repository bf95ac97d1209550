// ztpd board: one page of devices from the API (filtered, sorted and paged by the server), kept live by
// the event stream. An event updates only its device's row; counts are refreshed at most once a second.
"use strict";
const PHASES = ["planned", "discovered", "addressed", "bootstrapping", "conf_min_loaded", "verified", "finalizing", "provisioned", "failed"];
const LIMIT = 100;
const state = { offset: 0, sort: "hostname", desc: false, total: 0 };
const $ = (id) => document.getElementById(id);
const rows = new Map(); // device id -> <tr>

for (const p of PHASES) $("phase").add(new Option(p.replace(/_/g, " "), p));

function query() {
  const q = new URLSearchParams({ limit: LIMIT, offset: state.offset, sort: state.sort, order: state.desc ? "desc" : "asc" });
  for (const id of ["q", "phase", "conf_min", "serial"]) if ($(id).value) q.set(id, $(id).value);
  return q;
}

function cls(text) { return (text || "").replace(/ /g, "-"); }

function elapsed(status) {
  if (!status.started_at) return "";
  const s = Math.max(0, Math.round((Date.now() - Date.parse(status.started_at)) / 1000));
  return s < 120 ? s + " s" : Math.round(s / 60) + " min";
}

function cells(d) {
  const s = d.status;
  return [d.hostname, d.serial, d.mac, s.ip, [d.vendor, d.model].filter(Boolean).join(" / "), d.site,
    s.phase.replace(/_/g, " "), s.conf_min, s.serial, s.final,
    (s.last_event || "") + (s.last_event_detail ? " — " + s.last_event_detail : ""), elapsed(s)];
}

function fill(tr, d) {
  const values = cells(d);
  tr.replaceChildren(...values.map((v, i) => {
    const td = document.createElement("td");
    td.textContent = v == null ? "" : v;
    if (i >= 6 && i <= 9) td.className = "stage " + cls(v);
    return td;
  }));
  tr.dataset.device = JSON.stringify(d);
}

async function load() {
  const r = await fetch("/api/v1/devices?" + query());
  const page = await r.json();
  if (!r.ok) { $("total").textContent = page.detail || "error"; return; }
  state.total = page.total;
  rows.clear();
  const body = document.querySelector("#devices tbody");
  body.replaceChildren(...page.items.map((d) => {
    const tr = document.createElement("tr");
    fill(tr, d);
    rows.set(d.id, tr);
    return tr;
  }));
  showCounts(page.counts);
  $("total").textContent = page.total + " device(s)";
  $("page").textContent = page.total === 0 ? "" : `${state.offset + 1}–${state.offset + page.items.length} of ${page.total}`;
  $("prev").disabled = state.offset === 0;
  $("next").disabled = state.offset + LIMIT >= page.total;
}

function showCounts(counts) {
  const shown = ["total", ...PHASES.map((p) => "phase." + p), "conf_min.LOADED", "serial.MISMATCH", "serial.CHECKED", "final.PUSHED"];
  $("counts").replaceChildren(...shown.filter((k) => counts[k]).map((k) => {
    const span = document.createElement("span");
    span.textContent = k.replace(/^phase\./, "").replace(/_/g, " ").replace(".", " ") + ": " + counts[k];
    return span;
  }));
}

let countsDue = false;
async function refreshCounts() {
  if (!countsDue) return;
  countsDue = false;
  const r = await fetch("/api/v1/devices?limit=1");
  if (r.ok) showCounts((await r.json()).counts);
}
setInterval(refreshCounts, 1000);

function onEvent(msg) {
  const { event, status } = JSON.parse(msg.data);
  countsDue = true;
  const tr = event.device_id && rows.get(event.device_id);
  if (!tr || !status) {
    if (["DEVICE_CREATED", "DEVICE_DELETED", "DEVICE_ADOPTED"].includes(event.kind)) load();
    return;
  }
  const d = JSON.parse(tr.dataset.device);
  d.status = status;
  fill(tr, d);
  tr.classList.remove("flash");
  void tr.offsetWidth; // restart the animation
  tr.classList.add("flash");
}

function connect() {
  const es = new EventSource("/api/v1/events/stream");
  es.addEventListener("ztpd", onEvent);
  es.onopen = () => { $("live").textContent = "live"; $("live").className = "badge on"; };
  es.onerror = () => { $("live").textContent = "reconnecting"; $("live").className = "badge off"; };
}

let typing;
$("q").addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(() => { state.offset = 0; load(); }, 250); });
for (const id of ["phase", "conf_min", "serial"]) $(id).addEventListener("change", () => { state.offset = 0; load(); });
$("filters").addEventListener("submit", (e) => e.preventDefault());
$("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - LIMIT); load(); });
$("next").addEventListener("click", () => { state.offset += LIMIT; load(); });
for (const th of document.querySelectorAll("th[data-sort]")) {
  th.addEventListener("click", () => {
    state.desc = state.sort === th.dataset.sort ? !state.desc : false;
    state.sort = th.dataset.sort;
    document.querySelectorAll("th").forEach((h) => h.classList.remove("sorted", "desc"));
    th.classList.add("sorted");
    if (state.desc) th.classList.add("desc");
    load();
  });
}
setInterval(() => { for (const tr of rows.values()) { const d = JSON.parse(tr.dataset.device); tr.lastElementChild.textContent = elapsed(d.status); } }, 5000);
load();
connect();
