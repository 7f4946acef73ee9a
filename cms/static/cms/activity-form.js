// The activity form shows what the choices so far need, and no more:
// - the repetition's details only for the repetition chosen (the days of the
//   week for "every week", which day of the month for "every month", the last
//   date and the skipped dates for anything that repeats);
// - the mixed team section only when the category is sport.
// Without JavaScript every field stays visible: nothing is lost, only longer.
document.addEventListener("DOMContentLoaded", () => {
  "use strict";
  const form = document.querySelector("form[data-edit-form], form#page-edit-form") ||
    document.querySelector("input[name='repeat']")?.closest("form");
  if (!form) return;

  const fieldWrapper = (name) => {
    const input = form.querySelector(`[name='${name}']`);
    return input && (input.closest("[data-field-wrapper]") || input.closest(".w-field__wrapper"));
  };
  const shapeNeeds = {
    once: [],
    daily: ["repeat_interval", "repeat_until", "repeat_skip"],
    weekly: ["repeat_interval", "repeat_weekdays", "repeat_until", "repeat_skip"],
    monthly: ["repeat_interval", "repeat_monthly_by", "repeat_until", "repeat_skip"],
  };
  const details = ["repeat_interval", "repeat_weekdays", "repeat_monthly_by", "repeat_until", "repeat_skip"];

  const showRepetition = () => {
    const chosen = form.querySelector("input[name='repeat']:checked");
    const needs = chosen && chosen.value in shapeNeeds ? shapeNeeds[chosen.value] : details;
    for (const name of details) {
      const wrapper = fieldWrapper(name);
      if (wrapper) wrapper.style.display = needs.includes(name) ? "" : "none";
    }
  };

  const category = form.querySelector("select[name='category']");
  const team = form.querySelector("[name='team_sport']")?.closest("section.w-panel");
  const sportIds = new Set((category?.dataset.sport || "").split(",").filter(Boolean));
  const showTeam = () => {
    if (!category || !team) return;
    const hasTeam = Boolean(form.querySelector("[name='team_sport']").value);
    team.style.display = hasTeam || sportIds.has(category.value) ? "" : "none";
  };

  form.addEventListener("change", (event) => {
    if (event.target.name === "repeat") showRepetition();
    if (event.target.name === "category") showTeam();
  });
  showRepetition();
  showTeam();
});
