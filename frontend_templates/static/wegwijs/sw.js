// Wegwijs offline: pages come from the network first; a copy kept on the phone
// is shown only when the network fails, and then it says so and since when.
// Served as /sw.js (frontend_templates/views/offline.py) so that it covers the
// whole site; without it, or without JavaScript, the site works as always.
"use strict";

var PAGES = "wegwijs-pages-v1";
var SAVED_AT = "x-wegwijs-saved-at";
// On a farm with one bar of signal a request can hang: after this long the
// kept copy is shown (marked as such) instead of a blank screen.
var NETWORK_TIMEOUT_MS = 10000;

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf("wegwijs-") === 0 && name !== PAGES;
            })
            .map(function (name) {
              return caches.delete(name);
            })
        );
      })
      .then(function () {
        return self.clients.claim();
      })
  );
});

// Whether a page may be kept: never one the server marks private (a sign-up,
// a cancel link, a form just sent), never an error.
function keepable(response) {
  var control = response.headers.get("cache-control") || "";
  return (
    response.ok &&
    response.type === "basic" &&
    !/no-store|private/.test(control)
  );
}

// The copy with the moment it was saved: a header of the kept response.
function saved(response) {
  var headers = new Headers(response.headers);
  headers.set(SAVED_AT, new Date().toISOString());
  return response.blob().then(function (body) {
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: headers,
    });
  });
}

function keep(request, response) {
  if (!keepable(response)) return Promise.resolve();
  return saved(response.clone()).then(function (copy) {
    return caches.open(PAGES).then(function (cache) {
      return cache.put(request, copy);
    });
  });
}

function withTimeout(request) {
  var controller = new AbortController();
  var timer = setTimeout(function () {
    controller.abort();
  }, NETWORK_TIMEOUT_MS);
  return fetch(request, { signal: controller.signal }).finally(function () {
    clearTimeout(timer);
  });
}

// The kept page, with its offline note shown and the moment it was saved
// written in the page's own language.
function marked(cached) {
  var savedAt = cached.headers.get(SAVED_AT);
  return cached.text().then(function (html) {
    var lang = (/<html lang="([a-z]{2})"/.exec(html) || [])[1] || "nl";
    var when = new Date(savedAt);
    var shown = new Intl.DateTimeFormat(lang, {
      dateStyle: "long",
      timeStyle: "short",
    }).format(when);
    var note = html
      .replace(" hidden data-offline-note>", " data-offline-note>")
      .replace(
        "<span data-saved></span>",
        '<time data-saved datetime="' + savedAt + '">' + shown + "</time>"
      );
    var headers = new Headers(cached.headers);
    headers.delete("content-length");
    return new Response(note, { status: 200, headers: headers });
  });
}

function networkFirst(event) {
  var request = event.request;
  return withTimeout(request).then(
    function (response) {
      event.waitUntil(keep(request, response));
      return response;
    },
    function (failure) {
      return caches.match(request, { cacheName: PAGES, ignoreVary: true }).then(function (cached) {
        if (!cached) throw failure;
        var page = (cached.headers.get("content-type") || "").indexOf("text/html") === 0;
        return page ? marked(cached) : cached;
      });
    }
  );
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  var page = request.mode === "navigate";
  var asset = url.pathname.indexOf("/static/") === 0;
  if (!page && !asset) return; // the API, media and the rest: the browser as usual
  event.respondWith(networkFirst(event));
});

// "Keep for offline": the page sends its language; every address the server
// lists for it is fetched and kept, and the page hears how many.
function keepAll(language) {
  return fetch("/" + language + "/offline/pages.json")
    .then(function (response) {
      return response.json();
    })
    .then(function (list) {
      return Promise.all(
        list.pages.map(function (path) {
          var request = new Request(path, { credentials: "same-origin" });
          return fetch(request).then(function (response) {
            return keep(request, response).then(function () {
              return keepable(response) ? 1 : 0;
            });
          });
        })
      );
    })
    .then(function (counts) {
      return counts.reduce(function (a, b) {
        return a + b;
      }, 0);
    });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.keep && /^[a-z]{2}$/.test(data.keep)) {
    event.waitUntil(
      keepAll(data.keep).then(
        function (count) {
          event.source.postMessage({ kept: count });
        },
        function () {
          event.source.postMessage({ kept: -1 });
        }
      )
    );
  }
});
