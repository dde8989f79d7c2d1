/* ITIN Privacy Guide: request checker (progressive enhancement).
 *
 * Without JavaScript each element of a request is a plain yes / no / not stated choice. This
 * script keeps a live count in view (present, missing, not stated), lists what is missing or
 * not stated, and offers to copy or print the result. Nothing is stored, sent or fetched.
 * Every word comes from the page (data-i18n-* and the labels).
 *
 * SPDX-License-Identifier: MIT. Copyright (c) ITIN Privacy Guide contributors.
 * Permission is hereby granted, free of charge, to deal in this file without restriction;
 * it is provided "as is", without warranty of any kind.
 */
(function () {
  "use strict";
  var root = document.querySelector('[data-module="app-request-checker"]');
  var kit = window.appKit;
  if (!root || !kit) return;
  var each = kit.each, make = kit.make, text = kit.text;
  var str = function (key) { return root.getAttribute("data-i18n-" + key) || ""; };

  each(root.querySelectorAll("[data-exception]"), function (sec) {
    var form = sec.querySelector("form");
    var out = sec.querySelector(".app-request-checker__result");
    var items = sec.querySelectorAll("fieldset[data-condition]");
    if (!form || !out || !items.length) return;
    var title = text(sec.querySelector("h2"));
    var summary = "";

    function rows() {
      var list = [];
      each(items, function (item) {
        var chosen = item.querySelector("input:checked");
        list.push({ label: text(item.querySelector("legend")), value: chosen ? chosen.value : "not-stated" });
      });
      return list;
    }

    function update() {
      var all = rows(), yes = 0, no = [], unknown = [];
      each(all, function (r) {
        if (r.value === "yes") yes += 1;
        else if (r.value === "no") no.push(r.label);
        else unknown.push(r.label);
      });
      summary = str("summary").replace("{yes}", String(yes)).replace("{no}", String(no.length))
        .replace("{unknown}", String(unknown.length)).replace("{total}", String(all.length));
      out.textContent = "";
      out.appendChild(make("p", "app-request-checker__count", summary));
      out.className = "app-request-checker__result app-request-checker__result--" + (yes === all.length ? "met" : "missing");
      if (yes === all.length) out.appendChild(make("p", "app-request-checker__all-met", str("all-met")));
      each([[no, "missing"], [unknown, "unknown"]], function (pair) {
        if (!pair[0].length) return;
        var details = make("details", "app-request-checker__" + pair[1]);
        details.appendChild(make("summary", "", str(pair[1]) + " " + pair[0].length));
        var ul = make("ul");
        each(pair[0], function (t) { ul.appendChild(make("li", "", t)); });
        details.appendChild(ul);
        if (pair[1] === "missing") details.open = true;
        out.appendChild(details);
      });
      out.appendChild(tools);
    }

    var tools = make("p", "app-request-checker__tools");
    var copy = make("button", "app-button app-button--secondary", str("copy"));
    var print = make("button", "app-button app-button--secondary", str("print"));
    var done = make("span", "app-request-checker__copied");
    copy.type = print.type = "button";
    tools.appendChild(copy);
    tools.appendChild(document.createTextNode(" "));
    tools.appendChild(print);
    tools.appendChild(done);
    print.addEventListener("click", function () { window.print(); });
    copy.addEventListener("click", function () {
      var names = { "yes": str("yes"), "no": str("no"), "not-stated": str("not-stated") };
      var lines = [title, summary];
      each(rows(), function (r) { lines.push("- " + names[r.value] + ": " + r.label); });
      var body = lines.join("\n");
      kit.copy(body, null, function () { done.textContent = " " + str("copied"); });
    });

    // The region is in the page (empty) before anything is announced, so readers catch changes.
    out.hidden = false;
    sec.classList.add("app-request-checker__list--js");
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update();
    });
    update();
  });
})();
