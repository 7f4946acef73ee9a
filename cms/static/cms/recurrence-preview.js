// Keeps the "Next dates" panel of the activity form current while the editor
// changes the first date or the repetition: posts those fields to the admin's
// preview view and shows the list (or the explanation) it answers.
(() => {
  "use strict";
  const panel = document.querySelector("[data-next-dates]");
  const form = panel && panel.closest("form");
  if (!form) return;
  const watched = /^(starts_at|ends_at|repeat(_[a-z]+)?)$/;
  let pending = null;
  const refresh = async () => {
    const body = new FormData();
    for (const [name, value] of new FormData(form)) {
      if (watched.test(name) || name === "csrfmiddlewaretoken") body.append(name, value);
    }
    // Busy while the answer is on its way: screen readers wait, and so can tests.
    panel.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(panel.dataset.previewUrl, {
        method: "POST",
        body,
        credentials: "same-origin",
      });
      if (response.ok) panel.innerHTML = await response.text();
    } finally {
      panel.removeAttribute("aria-busy");
    }
  };
  form.addEventListener("change", (event) => {
    if (!watched.test(event.target.name || "")) return;
    clearTimeout(pending);
    pending = setTimeout(refresh, 150);
  });
})();
