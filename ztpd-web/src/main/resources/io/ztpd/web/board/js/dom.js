// Small DOM helpers. Text from the server is only ever set as text (never parsed as HTML).

/** h("td", {class: "x", onclick: f}, "text", child, ...) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k in el && typeof v !== "string") el[k] = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** A coloured state badge: "Mismatch" gets the class "st-Mismatch". */
export function badge(text) {
  return h("span", { class: "st st-" + cls(text) }, text || "");
}

export function cls(text) {
  return String(text || "").replace(/[^A-Za-z0-9]+/g, "-");
}

/** Shows an error (ApiError or any Error) in `el`, which is a role=alert element near the control. */
export function showError(el, err) {
  if (!el) return;
  el.hidden = false;
  el.classList.add("error");
  el.setAttribute("role", "alert");
  el.textContent = err ? describe(err) : "";
  if (!err) el.hidden = true;
}

export function clearError(el) {
  if (!el) return;
  el.textContent = "";
  el.hidden = true;
}

export function describe(err) {
  if (err && err.error) return err.detail ? `${err.error}: ${err.detail}` : err.error;
  return err && err.message ? err.message : String(err);
}

/**
 * Puts an API error beside the form control it names ({"field": "mac"} → the input named "mac"),
 * else in the form's general error line. Returns the element that shows it.
 */
export function formError(form, err) {
  for (const old of form.querySelectorAll(".field-error")) old.remove();
  for (const bad of form.querySelectorAll("[aria-invalid]")) bad.removeAttribute("aria-invalid");
  const general = form.querySelector(".form-error");
  clearError(general);
  if (!err) return null;
  const input = err.field && form.elements.namedItem(err.field);
  if (input && input.insertAdjacentElement) {
    input.setAttribute("aria-invalid", "true");
    const msg = h("span", { class: "field-error error", role: "alert" }, describe(err));
    input.insertAdjacentElement("afterend", msg);
    input.focus();
    return msg;
  }
  showError(general, err);
  return general;
}

/**
 * Runs `work` with `button` disabled and marked busy; the button always comes back (every fetch has
 * a timeout), and a failure goes to `onError` instead of being lost.
 */
export async function busy(button, work, onError) {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  button.textContent = label + "…";
  try {
    return await work();
  } catch (e) {
    if (onError) onError(e);
    else toast(describe(e), "error");
    return undefined;
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
    button.textContent = label;
  }
}

/** A short message at the bottom of the page; errors stay until clicked. */
export function toast(text, kind = "info") {
  const t = h("div", { class: "toast " + kind, onclick: () => t.remove() }, text);
  document.getElementById("toasts").append(t);
  if (kind !== "error") setTimeout(() => t.remove(), 5000);
  return t;
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

export function fmtTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toLocaleString();
}

const STOPPED = new Set(["planned", "provisioned", "failed"]);

/** Time since the attempt started; frozen at the last event once the device stopped moving. */
export function fmtElapsed(status) {
  if (!status || !status.started_at) return "";
  const end = STOPPED.has(status.phase) && status.last_event_at ? Date.parse(status.last_event_at) : Date.now();
  const s = Math.max(0, Math.round((end - Date.parse(status.started_at)) / 1000));
  if (s < 120) return s + " s";
  if (s < 7200) return Math.round(s / 60) + " min";
  return Math.round(s / 3600) + " h";
}

/** <select> options from a list; the first option is "none" (""). */
export function options(select, values, noneLabel, selected) {
  select.replaceChildren(h("option", { value: "" }, noneLabel));
  for (const v of values) select.add(new Option(v, v, false, v === selected));
  if (selected && !values.includes(selected)) select.add(new Option(selected, selected, false, true));
}
