// The unknown-device queue: adopt (hostname, site, group and template from dropdowns filled from the
// API) or reject. New sightings appear live.
import { api, enc } from "./api.js";
import { h, busy, showError, clearError, formError, fmtTime, debounce, toast, options } from "./dom.js";
import { subscribe } from "./live.js";

const SHOWN_MAX = 500;
const QUEUE_KINDS = new Set(["UNKNOWN_DEVICE_SEEN", "DEVICE_ADOPTED", "DEVICE_REJECTED"]);

/** Sites, groups and templates for the dropdowns (adopt and inventory forms). */
export async function choices() {
  const [sites, groups, templates] = await Promise.all([api("/api/v1/sites"), api("/api/v1/groups"), api("/api/v1/templates")]);
  return { sites: sites.map((s) => s.name), groups: groups.map((g) => g.name), templates };
}

export function mountPending(view) {
  const error = h("p", { class: "error", hidden: true });
  const body = h("tbody");
  const showRejected = h("input", { type: "checkbox", id: "show-rejected" });
  const note = h("p", { class: "muted" });
  view.replaceChildren(
    h("h2", {}, "Pending devices"),
    h("p", { class: "muted" }, "Devices that asked for provisioning without being in the inventory. Adopt one to plan it, or reject it."),
    h("label", {}, showRejected, " show rejected"),
    error,
    h("table", { id: "pending" }, h("thead", {}, h("tr", {}, ["Identity", "Seen", "Source", "Adopt as", ""].map((t) => h("th", {}, t)))), body),
    note,
  );
  let lists = { sites: [], groups: [], templates: [] };
  // rows are kept across reloads, so a sighting arriving while the operator types loses nothing
  const rows = new Map();

  async function load() {
    try {
      const [pending, c] = await Promise.all([api("/api/v1/pending"), choices()]);
      lists = c;
      clearError(error);
      const shown = pending.filter((p) => showRejected.checked || p.state !== "rejected");
      const kept = new Map();
      for (const p of shown.slice(0, SHOWN_MAX)) {
        const key = p.id + "|" + p.state;
        const tr = rows.get(key) || row(p);
        tr.querySelector(".seen").replaceChildren(`${p.seen_count}× `, h("small", { class: "muted" }, fmtTime(p.last_seen)));
        kept.set(key, tr);
      }
      rows.clear();
      for (const [k, tr] of kept) rows.set(k, tr);
      body.replaceChildren(...kept.values());
      if (!shown.length) body.append(h("tr", {}, h("td", { colspan: 5, class: "muted empty" }, "no pending device")));
      note.textContent = shown.length > SHOWN_MAX ? `showing the ${SHOWN_MAX} most recently seen of ${shown.length}` : "";
      updatePendingCount(pending.filter((p) => p.state === "pending").length);
    } catch (e) {
      showError(error, e);
    }
  }

  function row(p) {
    const i = p.identity || {};
    const hostname = h("input", { name: "hostname", placeholder: "hostname (default from identity)", "aria-label": "hostname" });
    const site = h("select", { name: "site", "aria-label": "site" });
    const group = h("select", { name: "group", "aria-label": "group" });
    const template = h("select", { name: "template", "aria-label": "template" });
    options(site, lists.sites, "site: by relay / subnet");
    options(group, lists.groups, "group: none");
    options(template, lists.templates, "template: vendor default");
    const adopt = h("button", { type: "submit", class: "primary adopt" }, "Adopt");
    const reject = h("button", { type: "button", class: "reject", disabled: p.state === "rejected" }, p.state === "rejected" ? "Rejected" : "Reject");
    const form = h("form", { class: "adopt-form", id: "adopt-" + p.id }, hostname, site, group, template, h("span", { class: "form-error", hidden: true }));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const body = { hostname: hostname.value.trim() || null, site: site.value || null, group: group.value || null, template: template.value || null };
      busy(adopt, async () => {
        const d = await api(`/api/v1/pending/${enc(p.id)}/adopt`, { method: "POST", json: body });
        toast(`adopted ${p.id} as ${d.id}`);
        load();
      }, (err) => formError(form, err));
    });
    adopt.setAttribute("form", form.id);
    reject.addEventListener("click", () =>
      busy(reject, async () => {
        await api(`/api/v1/pending/${enc(p.id)}/reject`, { method: "POST" });
        toast(`rejected ${p.id}`);
        load();
      }, (err) => formError(form, err)),
    );
    const ident = [["serial", i.serial], ["MAC", i.mac], ["vendor", i.vendor], ["model", i.model], ["IP", i.ip], ["relay", i.relay], ["class", i.vendor_class]]
      .filter(([, v]) => v)
      .map(([k, v]) => h("span", { class: "kv" }, h("small", {}, k + " "), v));
    return h(
      "tr",
      { dataset: { pending: p.id }, class: p.state === "rejected" ? "rejected" : "" },
      h("td", {}, h("b", {}, p.id), h("div", { class: "ident" }, ident)),
      h("td", { class: "seen" }),
      h("td", {}, p.source || ""),
      h("td", {}, form),
      h("td", { class: "buttons" }, adopt, reject),
    );
  }

  showRejected.addEventListener("change", load);
  const soon = debounce(load, 500);
  load();
  return subscribe(({ event }) => {
    if (QUEUE_KINDS.has(event.kind)) soon();
  });
}

/** The Pending link's counter in the header. */
export function updatePendingCount(n) {
  const pill = document.getElementById("pending-count");
  pill.hidden = !n;
  pill.textContent = String(n || "");
}
