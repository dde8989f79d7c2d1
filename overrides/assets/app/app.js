/* ITIN Privacy Guide: small progressive enhancements. No data leaves the page; nothing is stored. */

/* Helpers shared by our scripts (this file loads first; the tools' scripts use window.appKit). */
window.appKit = (function () {
  "use strict";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var make = function (tag, cls, content) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content) e.textContent = content;
    return e;
  };
  var text = function (el) { return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; };
  /* Copy text with the Clipboard API; where that is refused, select it in `field` (an input or
     textarea, shown) so the reader can copy it by hand. `done` runs once it is copied. */
  var copy = function (value, field, done) {
    var manual = function () {
      if (!field) return;
      field.value = value;
      field.hidden = false;
      field.focus();
      field.select();
      try { if (document.execCommand("copy")) done(); } catch (e) { /* selected for copying */ }
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(value).then(done, manual);
    } else {
      manual();
    }
  };
  return { each: each, make: make, text: text, copy: copy };
})();

(function () {
  "use strict";
  document.documentElement.classList.add("app-js");

  /* Quick exit: replace this page in the history (so Back does not return here), by click or by
     pressing Escape twice within one second. */
  var exit = document.querySelector('[data-module="app-quick-exit"]');
  if (exit) {
    var leave = function () {
      document.body.style.visibility = "hidden";
      document.title = "";
      // Inside an embed on another site, leave the whole window, not just the frame.
      if (window.top !== window) {
        try { window.top.location.replace(exit.href); } catch (e) { /* not allowed: below */ }
      }
      window.location.replace(exit.href);
    };
    exit.addEventListener("click", function (event) {
      event.preventDefault();
      leave();
    });
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var now = Date.now();
      if (now - lastEscape < 1000) leave();
      lastEscape = now;
    });
  }

  /* The page scrolls in its own area below the quick-exit bar. Keys that scroll a page
     (Space, Page Up/Down, arrows, Home, End) scroll that area when nothing else has focus. */
  var scroller = document.querySelector(".app-scroll");
  if (scroller) {
    document.addEventListener("keydown", function (event) {
      var active = document.activeElement;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (active && active !== document.body && active !== document.documentElement) return;
      var page = scroller.clientHeight * 0.9, by = {
        " ": event.shiftKey ? -page : page, PageDown: page, PageUp: -page,
        ArrowDown: 40, ArrowUp: -40, Home: -scroller.scrollHeight, End: scroller.scrollHeight
      }[event.key];
      if (by === undefined) return;
      event.preventDefault();
      scroller.scrollBy(0, by);
    });
  }

  /* Search: the box appears with JavaScript; its script and index load when it is first used. */
  var search = document.querySelector('[data-module="app-search"]');
  if (search) {
    search.hidden = false;
    var start = function () {
      if (search.getAttribute("data-started")) return;
      search.setAttribute("data-started", "1");
      var s = document.createElement("script");
      s.src = search.getAttribute("data-script");
      document.head.appendChild(s);
    };
    search.querySelector("input").addEventListener("focus", start);
  }

  /* A link to a source (or anything) inside a closed <details>: open it first. */
  var reveal = function () {
    var id = location.hash.slice(1), el;
    try { el = id && document.getElementById(decodeURIComponent(id)); } catch (e) { el = null; }
    for (; el; el = el.parentElement) if (el.tagName === "DETAILS") el.open = true;
  };
  window.addEventListener("hashchange", reveal);
  reveal();

  /* An old link to an exception's section on this page (#x-6103-l-10, #x-6103-i-2-conditions):
     each is now explained on the page of its subsection (exceptions/l/). */
  if (document.getElementById("exceptions-table") && /^#x-6103-[a-z]/.test(location.hash)) {
    location.replace(location.hash.split("-")[2] + "/" + location.hash);
  }

  /* Exceptions table filter: the table is complete without JavaScript; this only hides rows. */
  var filter = document.querySelector('[data-module="app-exception-filter"]');
  var table = document.getElementById("exceptions-table");
  if (filter && table) {
    var selects = filter.querySelectorAll("select[data-filter]");
    var count = filter.querySelector(".app-filter__count");
    var rows = table.querySelectorAll("tbody tr");
    var apply = function () {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = true;
        selects.forEach(function (sel) {
          var want = sel.value;
          var have = (row.getAttribute("data-" + sel.getAttribute("data-filter")) || "").split(" ");
          if (want && have.indexOf(want) === -1 && have.indexOf("any") === -1) ok = false;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = shown === 0 ? count.getAttribute("data-none") :
        count.getAttribute("data-count-template")
          .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
    };
    selects.forEach(function (sel) { sel.addEventListener("change", apply); });
    filter.hidden = false;
    apply();
  }
})();

/* "Embed this" panel: a copy button for the snippet (the code is selectable without it). */
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector('[role="status"]');
    if (!field) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      window.appKit.copy(field.value, field, function () {
        if (status) status.textContent = button.getAttribute("data-copied");
      });
    });
  });
})();
