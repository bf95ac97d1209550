// One board row per device. A row remembers what each cell shows (its key) and rebuilds only the
// cells whose key changed, so an event touches a handful of DOM nodes, never the whole table.
import { enc } from "./api.js";
import { h, badge, fmtElapsed } from "./dom.js";
import { serialCell, serialKey, finalCell, finalKey } from "./actions.js";

const text = (f) => ({ key: f, render: (d) => f(d) ?? "" });
const stage = (f) => ({ key: f, render: (d) => badge(f(d)) });

function lastEvent(d) {
  const s = d.status;
  if (!s.last_event) return "";
  return s.last_event.toLowerCase().replace(/_/g, " ") + (s.last_event_detail ? " — " + s.last_event_detail : "");
}

/** The board's columns: title, the sort key the server knows (if any), and how a cell is drawn. */
export const COLUMNS = [
  { id: "select", title: "", key: () => "", render: null },
  { id: "hostname", title: "Hostname", sort: "hostname", key: (d) => d.hostname + "|" + d.id, render: (d) => h("a", { href: `#/devices/${enc(d.id)}` }, d.hostname || d.id) },
  { id: "serial", title: "Serial", sort: "serial", ...text((d) => d.serial) },
  { id: "mac", title: "MAC", sort: "mac", ...text((d) => d.mac) },
  { id: "ip", title: "IP", sort: "ip", ...text((d) => d.status.ip) },
  { id: "vendor", title: "Vendor / model", sort: "vendor", ...text((d) => [d.vendor, d.model].filter(Boolean).join(" / ")) },
  { id: "site", title: "Site", sort: "site", ...text((d) => d.site) },
  { id: "phase", title: "Phase", sort: "phase", ...stage((d) => d.status.phase.replace(/_/g, " ")) },
  { id: "conf_min", title: "Conf Min", ...stage((d) => d.status.conf_min) },
  { id: "serial_state", title: "Serial check", key: serialKey, render: serialCell },
  { id: "final", title: "Conf Final", key: finalKey, render: finalCell },
  { id: "last_event", title: "Last event", sort: "last_event", key: lastEvent, render: (d) => h("span", { class: "clip", title: lastEvent(d) }, lastEvent(d)) },
  { id: "elapsed", title: "Elapsed", sort: "elapsed", ...text((d) => fmtElapsed(d.status)) },
];

const FAILING = /FAILED|MISMATCH|PARTIAL/;

/** Whether status a reflects fewer events than b (statuses carry the last event's sequence). */
export function older(a, b) {
  return a && b && a.last_seq != null && b.last_seq != null && a.last_seq < b.last_seq;
}

export class Row {
  constructor(device, selection) {
    this.device = device;
    this.keys = new Array(COLUMNS.length);
    this.tr = h("tr", { dataset: { device: device.id } });
    this.cells = COLUMNS.map((c) => this.tr.appendChild(h("td", { class: "c-" + c.id })));
    this.checkbox = h("input", {
      type: "checkbox",
      "aria-label": "select " + (device.hostname || device.id),
      checked: selection.has(device.id),
      onchange: (e) => selection.toggle(device.id, e.target.checked),
    });
    this.cells[0].append(this.checkbox);
    this.draw();
  }

  /** Redraws the cells whose content changed; returns how many did. */
  draw() {
    let changed = 0;
    for (let i = 1; i < COLUMNS.length; i++) {
      const key = COLUMNS[i].key(this.device);
      if (key === this.keys[i]) continue;
      this.keys[i] = key;
      const v = COLUMNS[i].render(this.device);
      this.cells[i].replaceChildren(...(Array.isArray(v) ? v : [v]));
      changed++;
    }
    const s = this.device.status;
    this.tr.classList.toggle("trouble", FAILING.test(s.last_event || "") || s.phase === "failed");
    return changed;
  }

  update(status) {
    if (older(status, this.device.status)) return; // a re-read answered after a newer event
    this.device = { ...this.device, status };
    if (this.draw()) {
      this.tr.classList.remove("flash");
      void this.tr.offsetWidth; // restart the highlight
      this.tr.classList.add("flash");
    }
  }

  /** The device re-read (its fields changed); its status only if not older than the one shown. */
  replace(device) {
    const status = older(device.status, this.device.status) ? this.device.status : device.status;
    this.device = { ...device, status };
    this.update(status);
  }

  tickElapsed() {
    const i = COLUMNS.length - 1;
    const t = fmtElapsed(this.device.status);
    if (t !== this.keys[i]) {
      this.keys[i] = t;
      this.cells[i].textContent = t;
    }
  }
}
