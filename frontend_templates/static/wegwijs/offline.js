// Offline use, a progressive enhancement: registers the service worker
// (/sw.js) and, where it runs, shows "Keep for offline use", which asks it to
// keep this language's guides and next four weeks of activities. Without
// JavaScript or a service worker the button stays hidden and nothing changes.
(function () {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js", { scope: "/" });
  var button = document.querySelector("[data-keep-offline]");
  if (!button) return;
  var status = document.querySelector("[data-keep-status]");
  button.hidden = false;
  navigator.serviceWorker.addEventListener("message", function (event) {
    var kept = (event.data || {}).kept;
    if (kept === undefined) return;
    button.disabled = false;
    status.textContent =
      kept < 0 ? status.dataset.failed : status.dataset.done.replace("%(count)s", kept);
  });
  button.addEventListener("click", function () {
    button.disabled = true;
    status.textContent = status.dataset.busy;
    navigator.serviceWorker.ready.then(function (registration) {
      registration.active.postMessage({ keep: document.documentElement.lang });
    });
  });
})();
