/* ITIN Privacy Guide: request checker (progressive enhancement).
 *
 * Without JavaScript each exception's requirements are a plain checklist. This script shows,
 * in each checklist's live region, how many are met and which are missing. Nothing is stored,
 * sent or fetched. Every word comes from the page (data-i18n-* and the labels).
 *
 * SPDX-License-Identifier: MIT. Copyright (c) ITIN Privacy Guide contributors.
 * Permission is hereby granted, free of charge, to deal in this file without restriction;
 * it is provided "as is", without warranty of any kind.
 */
(function () {
  "use strict";
  var root = document.querySelector('[data-module="app-request-checker"]');
  if (!root) return;
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var str = function (key) { return root.getAttribute("data-i18n-" + key) || ""; };
  var make = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };

  each(root.querySelectorAll("[data-exception]"), function (sec) {
    var form = sec.querySelector("form");
    var out = sec.querySelector(".app-checklist__result");
    var boxes = sec.querySelectorAll('input[type="checkbox"]');
    if (!form || !out || !boxes.length) return;

    function update() {
      var missing = [], met = 0;
      each(boxes, function (box) {
        if (box.checked) { met += 1; return; }
        var label = form.querySelector('label[for="' + box.id + '"]');
        missing.push(label ? label.textContent.replace(/\s+/g, " ").trim() : box.name);
      });
      out.textContent = "";
      out.appendChild(make("p", "app-checklist__count",
        str("summary").replace("{met}", String(met)).replace("{total}", String(boxes.length))));
      if (!missing.length) {
        out.appendChild(make("p", "app-checklist__all-met", str("all-met")));
        out.className = "app-checklist__result app-checklist__result--met";
        return;
      }
      out.className = "app-checklist__result app-checklist__result--missing";
      var list = make("ul", "app-checklist__missing");
      each(missing, function (text) { list.appendChild(make("li", "", text)); });
      out.appendChild(make("p", "app-checklist__missing-heading", str("missing")));
      out.appendChild(list);
    }

    // The region is in the page (empty) before anything is announced, so readers catch changes.
    out.hidden = false;
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update();
    });
    // A reload may bring back ticks the browser kept in this tab: show their count too.
    if (form.querySelector("input:checked")) update();
  });
})();
