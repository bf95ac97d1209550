// Templates: pick one, edit it, and see it rendered for a chosen device as you type (the preview renders
// the text in the editor, not the saved file). Save writes it; the server reports template errors.
import { api, enc } from "./api.js";
import { h, busy, showError, clearError, debounce, toast } from "./dom.js";

const PREVIEW_DELAY_MS = 300;

export function mountTemplates(view, params) {
  const list = h("ul", { class: "templates" });
  const name = h("input", { name: "name", placeholder: "new-template.j2", "aria-label": "template name" });
  const editor = h("textarea", { name: "text", id: "template-text", rows: 24, spellcheck: "false", "aria-label": "template text" });
  const deviceInput = h("input", { name: "device", list: "preview-devices", placeholder: "device id for the preview", "aria-label": "preview device" });
  const deviceList = h("datalist", { id: "preview-devices" });
  const preview = h("pre", { id: "preview", class: "config", "aria-live": "polite" });
  const previewError = h("p", { id: "preview-error", class: "error", hidden: true });
  const saveError = h("p", { class: "error", hidden: true });
  const saved = h("span", { class: "muted", role: "status" });
  const save = h("button", { type: "button", class: "primary" }, "Save");
  view.replaceChildren(
    h("h2", {}, "Templates"),
    h("div", { class: "tpl" },
      h("section", {}, h("h3", {}, "Files"), list),
      h("section", {}, h("div", { class: "row" }, name, save, saved), saveError, editor),
      h("section", {}, h("h3", {}, "Preview"), h("div", { class: "row" }, deviceInput, deviceList), previewError, preview)),
  );
  let seq = 0;

  async function loadList(selected) {
    try {
      const names = await api("/api/v1/templates");
      list.replaceChildren(...names.map((n) => h("li", {}, h("button", { type: "button", class: "link" + (n === selected ? " current" : ""), onclick: () => open(n) }, n))));
    } catch (e) {
      list.replaceChildren(h("li", { class: "error" }, e.detail || e.message));
    }
  }

  async function open(n) {
    try {
      editor.value = await api(`/api/v1/templates/${enc(n)}`);
      name.value = n;
      saved.textContent = "";
      clearError(saveError);
      history.replaceState(null, "", "#/templates?name=" + enc(n) + (deviceInput.value ? "&device=" + enc(deviceInput.value) : ""));
      loadList(n);
      renderPreview();
    } catch (e) {
      showError(saveError, e);
    }
  }

  async function findDevices() {
    try {
      const page = await api("/api/v1/devices?limit=20&sort=hostname&q=" + enc(deviceInput.value.trim()));
      deviceList.replaceChildren(...page.items.map((d) => h("option", { value: d.id }, [d.hostname, d.vendor].filter(Boolean).join(" · "))));
    } catch (e) {
      // the datalist only helps typing; the preview shows real errors
    }
  }

  async function renderPreview() {
    const device = deviceInput.value.trim();
    const mine = ++seq;
    if (!device) {
      clearError(previewError);
      preview.textContent = "choose a device to see this template rendered with its variables";
      return;
    }
    preview.setAttribute("aria-busy", "true");
    try {
      const q = new URLSearchParams({ device, name: name.value.trim() || "preview.j2" });
      const text = await api("/api/v1/templates/preview?" + q, { method: "POST", body: editor.value, type: "text/plain" });
      if (mine !== seq) return;
      clearError(previewError);
      preview.classList.remove("stale");
      preview.textContent = text;
    } catch (e) {
      if (mine !== seq) return;
      showError(previewError, e);
      preview.classList.add("stale"); // the last good rendering stays, greyed
    } finally {
      if (mine === seq) preview.removeAttribute("aria-busy");
    }
  }

  save.addEventListener("click", () => {
    const n = name.value.trim();
    if (!n) return showError(saveError, { error: "name the template first", detail: "e.g. leaf.j2" });
    busy(save, async () => {
      const r = await api(`/api/v1/templates/${enc(n)}`, { method: "PUT", body: editor.value, type: "text/plain" });
      const errors = (r && r.errors) || [];
      if (errors.length) {
        showError(saveError, { error: `saved ${n}, but it has ${errors.length} error(s)`, detail: errors.map((e) => (e.line ? `line ${e.line}: ` : "") + (e.message || "")).join("; ") });
      } else {
        clearError(saveError);
        toast(`saved ${n}`);
      }
      saved.textContent = "saved " + new Date().toLocaleTimeString();
      loadList(n);
    }, (e) => showError(saveError, e));
  });
  const later = debounce(renderPreview, PREVIEW_DELAY_MS);
  editor.addEventListener("input", () => { saved.textContent = "unsaved changes"; later(); });
  deviceInput.addEventListener("input", debounce(findDevices, 200));
  deviceInput.addEventListener("change", renderPreview);
  deviceInput.value = params.device || "";
  loadList(params.name);
  findDevices();
  if (params.name) open(params.name);
  else renderPreview();
}
