// Inventory: find a device and edit it, add one, import a CSV (or YAML) file. The server validates;
// its error lands next to the field it names.
import { api, enc } from "./api.js";
import { h, busy, formError, debounce, toast, options } from "./dom.js";
import { choices } from "./pending.js";

const VENDORS = ["juniper", "cisco-iosxe", "cisco-nxos", "cisco-pnp", "huawei", "arista", "sonic", "cumulus", "aruba-cx", "sztp"];
const TEXT_FIELDS = [
  ["id", "Id", "unique slug, e.g. leaf1-dc1"],
  ["hostname", "Hostname", ""],
  ["serial", "Serial", "declared serial number"],
  ["mac", "MAC", "00:1c:73:00:00:01"],
  ["vendor", "Vendor", "vendor profile"],
  ["model", "Model", ""],
  ["target_image", "Target image", "image name or version"],
  ["fixed_ip", "Fixed IP", "reserved address"],
];
const SELECT_FIELDS = [
  ["site", "Site", "by relay / subnet", "sites"],
  ["group", "Group", "none", "groups"],
  ["template", "Template (minimal)", "vendor default", "templates"],
  ["final_template", "Final template", "vendor default", "templates"],
];

export function mountInventory(view, params) {
  const search = h("input", { type: "search", placeholder: "find a device to edit…", "aria-label": "find a device" });
  const found = h("ul", { class: "found" });
  const form = h("form", { id: "device-form", novalidate: true, autocomplete: "off" });
  const importForm = importSection();
  view.replaceChildren(
    h("h2", {}, "Inventory"),
    h("div", { class: "two" },
      h("section", {}, h("h3", {}, "Devices"), search, found, h("p", {}, h("button", { type: "button", id: "new-device", onclick: () => edit(null) }, "Add a device"))),
      h("section", {}, form)),
    importForm,
    h("p", { class: "muted" }, "Export: ", h("a", { href: "/api/v1/inventory?format=csv" }, "CSV"), " · ", h("a", { href: "/api/v1/inventory?format=yaml" }, "YAML")),
  );
  let lists = { sites: [], groups: [], templates: [] };
  let editing = null; // the device as loaded, so fields the form does not show survive a save

  async function find() {
    try {
      const page = await api("/api/v1/devices?limit=15&sort=hostname&q=" + enc(search.value.trim()));
      found.replaceChildren(...page.items.map((d) => h("li", {}, h("button", { type: "button", class: "link", onclick: () => edit(d.id) }, d.hostname || d.id), " ", h("small", { class: "muted" }, [d.id, d.serial, d.mac].filter(Boolean).join(" · ")))));
      if (page.total > page.items.length) found.append(h("li", { class: "muted" }, `… ${page.total - page.items.length} more, refine the search`));
    } catch (e) {
      found.replaceChildren(h("li", { class: "error" }, e.detail || e.message));
    }
  }

  async function edit(id) {
    editing = null;
    try {
      lists = await choices();
      if (id) editing = await api(`/api/v1/devices/${enc(id)}`);
    } catch (e) {
      form.replaceChildren(h("p", { class: "error", role: "alert" }, e.detail || e.message));
      return;
    }
    drawForm(editing);
  }

  function drawForm(d) {
    const v = d || {};
    const inputs = TEXT_FIELDS.map(([name, label, hint]) => field(label, h("input", { name, placeholder: hint, value: v[name] || "", readonly: !!d && name === "id", list: name === "vendor" ? "vendors" : null })));
    const selects = SELECT_FIELDS.map(([name, label, none, list]) => {
      const s = h("select", { name });
      options(s, lists[list], none, v[name]);
      return field(label, s);
    });
    const vars = h("textarea", { name: "variables", rows: 4, placeholder: '{"role": "leaf", "vlan": 10}' });
    vars.value = d && d.variables && Object.keys(d.variables).length ? JSON.stringify(d.variables, null, 2) : "";
    const save = h("button", { type: "submit", class: "primary" }, d ? "Save" : "Add device");
    form.replaceChildren(
      h("h3", {}, d ? `Edit ${d.id}` : "New device"),
      h("datalist", { id: "vendors" }, VENDORS.map((x) => h("option", { value: x }))),
      h("div", { class: "grid" }, inputs, selects, field("Variables (JSON)", vars)),
      h("p", { class: "form-error", hidden: true }),
      h("div", { class: "buttons" }, save, d ? h("a", { href: `#/devices/${enc(d.id)}` }, "device page") : null),
    );
    form.onsubmit = (e) => {
      e.preventDefault();
      let body;
      try {
        body = collect(d);
      } catch (err) {
        formError(form, err);
        return;
      }
      busy(save, async () => {
        const saved = d
          ? await api(`/api/v1/devices/${enc(d.id)}`, { method: "PUT", json: body })
          : await api("/api/v1/devices", { method: "POST", json: body });
        formError(form, null);
        toast(`${d ? "saved" : "added"} ${saved.id}`);
        editing = saved;
        drawForm(saved);
        find();
      }, (err) => formError(form, err));
    };
  }

  function collect(d) {
    const body = d ? { ...d } : {};
    delete body.status;
    for (const el of form.elements) {
      if (!el.name || el.name === "variables") continue;
      body[el.name] = el.value.trim() || null;
    }
    const text = form.elements.namedItem("variables").value.trim();
    try {
      body.variables = text ? JSON.parse(text) : {};
    } catch (e) {
      throw { error: "variables are not valid JSON", detail: e.message, field: "variables" };
    }
    if (typeof body.variables !== "object" || Array.isArray(body.variables)) {
      throw { error: "variables must be a JSON object", field: "variables" };
    }
    if (!body.id) throw { error: "id is required", field: "id" };
    return body;
  }

  search.addEventListener("input", debounce(find, 250));
  find();
  edit(params.edit || null);
}

function field(label, control) {
  const id = "f-" + control.name;
  control.id = id;
  return h("div", { class: "field" }, h("label", { for: id }, label), control);
}

/** CSV / YAML import: all or nothing; the server's error names the file and line. */
function importSection() {
  const file = h("input", { type: "file", name: "file", accept: ".csv,.yaml,.yml,text/csv", "aria-label": "inventory file" });
  const mode = h("select", { name: "mode", "aria-label": "import mode" }, new Option("merge with the inventory", "merge"), new Option("replace the inventory", "replace"));
  const go = h("button", { type: "submit", class: "primary" }, "Import");
  const result = h("p", { class: "import-result", role: "status" });
  const form = h("form", { id: "import-form" }, h("h3", {}, "Import CSV or YAML"),
    h("p", { class: "muted" }, "CSV columns: id, hostname, serial, mac, vendor, model, site, group, template, … any other column is a variable."),
    file, mode, go, h("p", { class: "form-error", hidden: true }), result);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const f = file.files[0];
    if (!f) return formError(form, { error: "choose a file first", field: "file" });
    const format = /\.ya?ml$/i.test(f.name) ? "yaml" : "csv";
    busy(go, async () => {
      result.textContent = "";
      const r = await api(`/api/v1/inventory?format=${format}&mode=${mode.value}&name=${enc(f.name)}`, {
        method: "POST",
        body: await f.text(),
        type: format === "csv" ? "text/csv" : "application/yaml",
        timeout: 120000,
      });
      formError(form, null);
      result.textContent = `imported ${f.name}: ${r.devices} device(s), ${r.sites} site(s), ${r.groups} group(s)` + (r.removed_devices ? `, ${r.removed_devices} removed` : "");
    }, (err) => formError(form, err));
  });
  return form;
}
