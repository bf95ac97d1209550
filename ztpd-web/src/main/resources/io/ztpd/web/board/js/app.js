// The page's router: #/ board, #/devices/ID, #/pending, #/inventory, #/templates, #/jobs[/ID]. Each
// view mounts into <main> and returns what to undo when the operator leaves it.
import { connect, ready, subscribe } from "./live.js";
import { api } from "./api.js";
import { h } from "./dom.js";
import { closeModal } from "./modal.js";
import { mountBoard } from "./board.js";
import { mountDevice } from "./device.js";
import { mountPending, updatePendingCount } from "./pending.js";
import { mountInventory } from "./inventory.js";
import { mountTemplates } from "./templates.js";
import { mountJobs } from "./jobs.js";

const ROUTES = [
  [/^\/?$/, "board", mountBoard],
  [/^\/devices\/(?<id>[^/]+)$/, "board", mountDevice],
  [/^\/pending$/, "pending", mountPending],
  [/^\/inventory$/, "inventory", mountInventory],
  [/^\/templates$/, "templates", mountTemplates],
  [/^\/jobs(?:\/(?<id>[^/]+))?$/, "jobs", mountJobs],
];

let unmount = null;

function route() {
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  if (unmount) unmount();
  unmount = null;
  closeModal();
  const view = document.getElementById("view");
  for (const [re, nav, mount] of ROUTES) {
    const m = re.exec(path || "/");
    if (!m) continue;
    for (const [k, v] of Object.entries(m.groups || {})) if (v !== undefined) params[k] = decodeURIComponent(v);
    for (const a of document.querySelectorAll("#nav a")) a.classList.toggle("current", a.dataset.view === nav);
    view.dataset.view = nav;
    unmount = mount(view, params) || null;
    return;
  }
  view.replaceChildren(h("p", { class: "error" }, `no page ${path}: `, h("a", { href: "#/" }, "back to the board")));
}

async function pendingCount() {
  try {
    const queue = await api("/api/v1/pending");
    updatePendingCount(queue.filter((p) => p.state === "pending").length);
  } catch (e) {
    // the counter is a hint; the pending page shows errors
  }
}

connect();
// the first view loads once the event stream is open, so no event falls between the two
ready(3000).then(() => {
  window.addEventListener("hashchange", route);
  route();
});
pendingCount();
let countTimer = 0;
subscribe(({ event }) => {
  if (!["UNKNOWN_DEVICE_SEEN", "DEVICE_ADOPTED", "DEVICE_REJECTED"].includes(event.kind) || countTimer) return;
  countTimer = setTimeout(() => { countTimer = 0; pendingCount(); }, 2000);
});
