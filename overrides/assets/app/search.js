/* ITIN Privacy Guide: search, loaded only when a reader opens it. It fetches this language's
 * index (search/search_index.json, written by the build) from the site itself, once, and
 * matches words in the browser. Nothing typed is sent anywhere.
 *
 * SPDX-License-Identifier: MIT. Copyright (c) ITIN Privacy Guide contributors.
 */
(function () {
  "use strict";
  var box = document.querySelector('[data-module="app-search"]');
  var kit = window.appKit;
  if (!box || !kit || !window.fetch) return;
  var input = box.querySelector("input");
  var status = box.querySelector(".app-search__status");
  var list = box.querySelector(".app-search__results");
  var indexUrl = box.getAttribute("data-index");
  var base = indexUrl.replace(/search\/search_index\.json$/, "");
  var docs = null, loading = null, timer = 0;

  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function plain(html) {
    var d = document.createElement("div");
    d.innerHTML = html; // parsed only, never inserted: scripts in it cannot run
    return d.textContent.replace(/\s+/g, " ").trim();
  }
  function load() {
    if (!loading) {
      loading = window.fetch(indexUrl, { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          docs = data.docs.map(function (d) {
            var text = plain(d.text || "");
            return { href: base + d.location, title: plain(d.title || ""), text: text,
                     key: fold(plain(d.title || "") + " " + text), head: fold(plain(d.title || "")) };
          });
        });
    }
    return loading;
  }
  function search() {
    var words = fold(input.value).split(/[\s,.;:!?¿¡"'()]+/).filter(function (w) { return w.length > 1; });
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var hits = [];
    docs.forEach(function (d) {
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        if (d.key.indexOf(words[i]) === -1) return;
        score += d.head.indexOf(words[i]) !== -1 ? 5 : 1;
      }
      hits.push({ d: d, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    status.textContent = hits.length ? box.getAttribute("data-i18n-count").replace("{n}", String(hits.length))
      : box.getAttribute("data-i18n-none");
    hits.slice(0, 20).forEach(function (h) {
      var li = kit.make("li");
      var a = kit.make("a", "", h.d.title);
      a.href = h.d.href;
      li.appendChild(a);
      var at = fold(h.d.text).indexOf(words[0]);
      var start = Math.max(0, at - 60);
      li.appendChild(kit.make("p", "", (start ? "… " : "") + h.d.text.slice(start, start + 160) + " …"));
      list.appendChild(li);
    });
  }
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { load().then(search); }, 150);
  });
  // Words typed while this script was loading: search them as soon as the index is here.
  load().then(function () { if (input.value) search(); });
})();
