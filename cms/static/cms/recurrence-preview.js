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
  // The number of the last question asked. A change made while an answer is on
  // its way asks again, and on a slow connection the answers can arrive out of
  // order: only the answer to the last question is shown, or the panel would
  // keep a date the editor has just skipped.
  let asked = 0;
  const refresh = async () => {
    const question = ++asked;
    const body = new FormData();
    for (const [name, value] of new FormData(form)) {
      if (watched.test(name) || name === "csrfmiddlewaretoken") body.append(name, value);
    }
    // Busy until the last answer is in: screen readers wait, and so can tests.
    panel.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(panel.dataset.previewUrl, {
        method: "POST",
        body,
        credentials: "same-origin",
      });
      const answer = response.ok ? await response.text() : null;
      if (question === asked && answer !== null) panel.innerHTML = answer;
    } finally {
      if (question === asked) panel.removeAttribute("aria-busy");
    }
  };
  form.addEventListener("change", (event) => {
    if (!watched.test(event.target.name || "")) return;
    clearTimeout(pending);
    pending = setTimeout(refresh, 150);
  });
})();
