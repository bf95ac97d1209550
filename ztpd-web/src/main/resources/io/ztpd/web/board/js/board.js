// The live board: one page of devices, filtered, sorted and paged by the server, kept live by the event
// stream. Events are coalesced per animation frame and touch only their device's row; counts and the
// filtered total are re-read at most once a second; new or removed devices reload the page at most
// twice a second. So a burst of thousands of events costs a few redraws, not thousands.
import { api } from "./api.js";
import { h, debounce, showError, clearError, busy, toast, options } from "./dom.js";
import { subscribe, onReconnect } from "./live.js";
import { COLUMNS, Row } from "./rows.js";
import { learnFromEvent, rememberJob } from "./actions.js";
import { jobPanel } from "./jobs.js";

const PHASES = ["planned", "discovered", "addressed", "bootstrapping", "conf_min_loaded", "verified", "finalizing", "provisioned", "failed"];
const FILTERS = {
  phase: ["Phase: any", PHASES],
  conf_min: ["Conf Min: any", ["Not Loaded", "Loaded"]],
  serial: ["Serial: any", ["Not Checked", "Mismatch", "Checked"]],
  final: ["Conf Final: any", ["Not Pushed", "Pending Approval", "Pushing", "Pushed", "Failed", "Partially Completed"]],
};
/** Count chips: [counts key, label, filter it applies]. */
const CHIPS = [
  ...PHASES.map((p) => ["phase." + p, p.replace(/_/g, " "), { phase: p }]),
  ["conf_min.LOADED", "Conf Min Loaded", { conf_min: "Loaded" }],
  ["serial.MISMATCH", "Mismatch", { serial: "Mismatch" }],
  ["serial.CHECKED", "Checked", { serial: "Checked" }],
  ["final.PENDING_APPROVAL", "Pending Approval", { final: "Pending Approval" }],
  ["final.PUSHING", "Pushing", { final: "Pushing" }],
  ["final.PUSHED", "Pushed", { final: "Pushed" }],
  ["final.FAILED", "Push Failed", { final: "Failed" }],
  ["final.PARTIALLY_COMPLETED", "Partially Completed", { final: "Partially Completed" }],
];
const STRUCTURAL = new Set(["DEVICE_CREATED", "DEVICE_DELETED", "DEVICE_ADOPTED"]);
const REFETCH_MAX = 20; // more devices than this to re-read one by one: reload the page instead

export function mountBoard(view, params) {
  const q = { sort: "hostname", order: "asc", offset: 0, limit: 50, ...params };
  q.offset = Number(q.offset) || 0;
  q.limit = Number(q.limit) || 50;
  const rows = new Map();
  const selected = new Set();
  let unmounted = false;
  const selection = { has: (id) => selected.has(id), toggle: (id, on) => { on ? selected.add(id) : selected.delete(id); showSelection(); } };

  const el = {
    search: h("input", { type: "search", name: "q", placeholder: "search hostname, serial, MAC, IP, vendor, site…", "aria-label": "search", value: q.q || "" }),
    site: h("select", { name: "site", "aria-label": "site" }),
    counts: h("section", { id: "counts", "aria-label": "devices per stage" }),
    total: h("span", { id: "total" }),
    error: h("p", { class: "error", hidden: true }),
    body: h("tbody"),
    page: h("span", { id: "page" }),
    prev: h("button", { type: "button", id: "prev" }, "‹ previous"),
    next: h("button", { type: "button", id: "next" }, "next ›"),
    size: h("select", { "aria-label": "rows per page" }, [25, 50, 100, 200].map((n) => new Option(n + " rows", n, false, n === q.limit))),
    selectAll: h("input", { type: "checkbox", "aria-label": "select all on this page" }),
    selected: h("span", { id: "selected-count" }),
    pushSelected: h("button", { type: "button", id: "push-selected", class: "primary", disabled: true }, "Push selected"),
    clearSelected: h("button", { type: "button", disabled: true }, "Clear selection"),
    jobs: h("div", { id: "board-jobs" }),
  };
  const selects = Object.entries(FILTERS).map(([name, [none, values]]) => {
    const s = h("select", { name, "aria-label": none.split(":")[0] });
    options(s, values, none, q[name]);
    s.options[0].value = "";
    for (const o of s.options) if (name === "phase" && o.value) o.text = o.value.replace(/_/g, " ");
    return s;
  });
  const heads = COLUMNS.map((c, i) => {
    if (i === 0) return h("th", {}, el.selectAll);
    const th = h("th", { dataset: c.sort ? { sort: c.sort } : {}, scope: "col", tabindex: c.sort ? "0" : null }, c.title);
    if (c.sort === q.sort) th.classList.add("sorted", q.order === "desc" ? "desc" : "asc");
    return th;
  });
  const table = h("table", { id: "devices" }, h("thead", {}, h("tr", {}, heads)), el.body);
  view.replaceChildren(
    el.counts,
    h("form", { id: "filters", autocomplete: "off", onsubmit: (e) => e.preventDefault() }, el.search, ...selects, el.site, el.total),
    h("div", { class: "selection" }, el.selected, el.pushSelected, el.clearSelected),
    el.jobs,
    el.error,
    h("div", { class: "table-wrap" }, table),
    h("nav", { id: "pager", "aria-label": "pages" }, el.prev, el.page, el.next, el.size),
  );

  // --- loading a page -------------------------------------------------------------------------
  let loadSeq = 0;
  // events heard while a page read is in flight: the read may predate them, so they are applied again
  // to the rows it draws (statuses carry their sequence, so an older one never wins)
  let heardDuringLoad = null;
  function query(limit = q.limit, offset = q.offset) {
    const p = new URLSearchParams({ sort: q.sort, order: q.order, offset, limit });
    for (const k of ["q", "phase", "conf_min", "serial", "final", "site"]) if (q[k]) p.set(k, q[k]);
    return p;
  }
  function keepInUrl() {
    const p = query();
    if (p.get("offset") === "0") p.delete("offset");
    history.replaceState(null, "", "#/?" + p);
  }
  async function load() {
    const mine = ++loadSeq;
    const heard = (heardDuringLoad = new Map());
    table.setAttribute("aria-busy", "true");
    try {
      const page = await api("/api/v1/devices?" + query());
      if (mine !== loadSeq) return;
      clearError(el.error);
      rows.clear();
      el.body.replaceChildren(
        ...page.items.map((d) => {
          const r = new Row(d, selection);
          rows.set(d.id, r);
          return r.tr;
        }),
      );
      if (!page.items.length) el.body.append(h("tr", {}, h("td", { colspan: COLUMNS.length, class: "muted empty" }, "no device matches")));
      showTotals(page);
      el.selectAll.checked = page.items.length > 0 && page.items.every((d) => selected.has(d.id));
      for (const [id, status] of heard) if (rows.has(id)) status ? due.set(id, status) : stale.add(id);
      if (heard.size && !frame) frame = requestAnimationFrame(flush);
    } catch (e) {
      if (mine === loadSeq) showError(el.error, e);
    } finally {
      if (mine === loadSeq) {
        heardDuringLoad = null;
        table.removeAttribute("aria-busy");
      }
    }
  }
  function showTotals(page) {
    showCounts(page.counts);
    el.total.textContent = page.total + " device(s)";
    const last = Math.min(q.offset + q.limit, page.total);
    el.page.textContent = page.total === 0 ? "" : `${q.offset + 1}–${last} of ${page.total}`;
    el.prev.disabled = q.offset === 0;
    el.next.disabled = q.offset + q.limit >= page.total;
  }
  function showCounts(counts) {
    const all = h("button", { type: "button", class: "chip", dataset: { key: "total" }, onclick: () => setFilter({ phase: "", conf_min: "", serial: "", final: "" }) }, "All ", h("b", {}, String(counts.total || 0)));
    const chips = CHIPS.filter(([key]) => counts[key]).map(([key, text, filter]) =>
      h("button", { type: "button", class: "chip chip-" + key.replace(/\W/g, "-"), dataset: { key }, onclick: () => setFilter(filter) }, text + " ", h("b", {}, String(counts[key]))),
    );
    el.counts.replaceChildren(all, ...chips);
  }
  function setFilter(f) {
    Object.assign(q, f);
    for (const s of selects) s.value = q[s.name] || "";
    q.offset = 0;
    keepInUrl();
    load();
  }

  // --- live updates ---------------------------------------------------------------------------
  const due = new Map(); // device id → newest status
  const stale = new Set(); // device ids whose event came without a status (replay): re-read them
  let frame = 0;
  let countsTimer = 0;
  let reloadTimer = 0;
  function onEvent({ event, status }) {
    learnFromEvent(event);
    scheduleCounts();
    if (STRUCTURAL.has(event.kind)) return scheduleReload();
    const id = event.device_id;
    const reread = event.kind === "DEVICE_UPDATED" || !status; // the row needs the device again
    if (id && heardDuringLoad) heardDuringLoad.set(id, reread || heardDuringLoad.get(id) === null ? null : status);
    if (!id || !rows.has(id)) return;
    if (reread) stale.add(id);
    else due.set(id, status);
    if (!frame) frame = requestAnimationFrame(flush);
  }
  function flush() {
    frame = 0;
    for (const [id, status] of due) rows.get(id)?.update(status);
    due.clear();
    if (stale.size > REFETCH_MAX) scheduleReload();
    else for (const id of stale) refetch(id);
    stale.clear();
  }
  async function refetch(id) {
    try {
      const d = await api("/api/v1/devices/" + encodeURIComponent(id));
      rows.get(id)?.replace(d);
    } catch (e) {
      if (e.status === 404) scheduleReload();
    }
  }
  let countsDirty = false;
  function scheduleCounts() {
    countsDirty = true;
    if (countsTimer) return;
    countsTimer = setTimeout(async () => {
      countsDirty = false; // events from now on need another read, even while this one runs
      try {
        showTotals(await api("/api/v1/devices?" + query(1, 0)));
      } catch (e) {
        // the next event tries again; the table itself stays as it is
      } finally {
        countsTimer = 0;
        if (countsDirty && !unmounted) scheduleCounts();
      }
    }, 1000);
  }
  function scheduleReload() {
    if (reloadTimer) return;
    reloadTimer = setTimeout(() => {
      reloadTimer = 0;
      load();
    }, 500);
  }

  // --- controls -------------------------------------------------------------------------------
  el.search.addEventListener("input", debounce(() => setFilter({ q: el.search.value.trim() }), 250));
  for (const s of [...selects, el.site]) s.addEventListener("change", () => setFilter({ [s.name]: s.value }));
  el.prev.addEventListener("click", () => { q.offset = Math.max(0, q.offset - q.limit); keepInUrl(); load(); });
  el.next.addEventListener("click", () => { q.offset += q.limit; keepInUrl(); load(); });
  el.size.addEventListener("change", () => { q.limit = Number(el.size.value); q.offset = 0; keepInUrl(); load(); });
  for (const th of heads) {
    if (!th.dataset.sort) continue;
    th.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); th.click(); } });
    th.addEventListener("click", () => {
      q.order = q.sort === th.dataset.sort && q.order === "asc" ? "desc" : "asc";
      q.sort = th.dataset.sort;
      for (const o of heads) o.classList.remove("sorted", "asc", "desc");
      th.classList.add("sorted", q.order);
      keepInUrl();
      load();
    });
  }
  el.selectAll.addEventListener("change", () => {
    for (const [id, r] of rows) {
      r.checkbox.checked = el.selectAll.checked;
      el.selectAll.checked ? selected.add(id) : selected.delete(id);
    }
    showSelection();
  });
  function showSelection() {
    el.selected.textContent = selected.size ? `${selected.size} selected` : "";
    el.pushSelected.disabled = selected.size === 0;
    el.clearSelected.disabled = selected.size === 0;
  }
  el.clearSelected.addEventListener("click", () => {
    selected.clear();
    for (const r of rows.values()) r.checkbox.checked = false;
    el.selectAll.checked = false;
    showSelection();
  });
  const panels = [];
  el.pushSelected.addEventListener("click", () =>
    busy(el.pushSelected, async () => {
      const devices = [...selected];
      const job = await api("/api/v1/jobs", { method: "POST", json: { devices } });
      for (const id of devices) rememberJob(id, job.id);
      toast(`job ${job.id}: push of ${devices.length} device(s) started`);
      const panel = jobPanel(job.id);
      panels.push(panel);
      el.jobs.prepend(h("div", { class: "job-wrap" }, panel.el, h("button", { type: "button", class: "small", onclick: (e) => { panel.dispose(); e.target.parentElement.remove(); } }, "dismiss")));
      el.clearSelected.click();
    }, (e) => showError(el.error, e)),
  );

  loadSites(el.site, q.site);
  const tick = setInterval(() => { for (const r of rows.values()) r.tickElapsed(); }, 5000);
  const unsubscribe = subscribe(onEvent);
  const unReconnect = onReconnect(load);
  load();
  return () => {
    unmounted = true;
    unsubscribe();
    unReconnect();
    clearInterval(tick);
    cancelAnimationFrame(frame);
    clearTimeout(countsTimer);
    clearTimeout(reloadTimer);
    for (const p of panels) p.dispose();
  };
}

async function loadSites(select, current) {
  try {
    const sites = await api("/api/v1/sites");
    options(select, sites.map((s) => s.name), "Site: any", current);
  } catch (e) {
    options(select, [], "Site: any", current);
  }
}
