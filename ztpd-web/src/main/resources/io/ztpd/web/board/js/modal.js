// The page's one modal dialog (<dialog id="modal">): Escape and the Cancel buttons close it.

const dialog = () => document.getElementById("modal");

export function openModal(content, focus) {
  const d = dialog();
  if (d.open) d.close();
  d.replaceChildren(content);
  d.showModal();
  if (focus) focus.focus();
}

export function closeModal() {
  const d = dialog();
  if (d.open) d.close();
  d.replaceChildren();
}

export function modalOpen() {
  return dialog().open;
}
