/* ITIN Privacy Guide: the embedded page's side of the resize protocol (see EMBEDDING.md).
 *
 * Runs only inside a frame. Says nothing until the parent window says hello
 * ({type:"itin-embed:hello",version:1}); then reports this page's height, and each change of it,
 * to the parent's origin only ({type:"itin-embed:height",version:1,height:N}). Links that leave
 * the page open in the top window; links within the page (#…) stay in the frame.
 * Nothing is stored, fetched or sent anywhere else.
 *
 * SPDX-License-Identifier: MIT. Copyright (c) ITIN Privacy Guide contributors.
 */
(function () {
  "use strict";
  /* The compact variant (an address ending in #compact): without the list of sources. */
  if (location.hash === "#compact") document.documentElement.classList.add("app-embed-compact");
  var parent = window.parent;
  if (!parent || parent === window) return;
  /* Fixed-height mode (an address ending in #fixed): this frame never tells anyone its height,
     whoever asks, so the host page cannot tell one answer from another by it; the frame keeps
     the host's height and scrolls inside. The frame's name keeps the mode for the rest of the
     visit in this frame (in-frame links change the address after #). */
  var FIXED = "itin-embed-fixed";
  if (location.hash === "#fixed") window.name = FIXED;
  var fixed = window.name === FIXED;
  var doc = document, root = doc.documentElement;
  var target = "", last = 0, started = false;

  /* Links: open in the top window unless they only move within this page or say otherwise. */
  function here() { return location.href.split("#")[0]; }
  /* Another embed page of this site (the tool's answers) opens in the frame too. */
  function embedded(href) {
    try {
      var u = new URL(href, location.href);
      return u.origin === location.origin && u.pathname.indexOf("/embed/") !== -1;
    } catch (e) { return false; }
  }
  function toTop(a) {
    if (a && typeof a.href === "string" && a.href && !a.hasAttribute("target") && !a.hasAttribute("download") &&
        a.href.split("#")[0] !== here() && !embedded(a.href)) a.setAttribute("target", "_top");
  }
  Array.prototype.forEach.call(doc.querySelectorAll("a[href]"), toTop);
  // Links added later (by the widgets): decided when followed.
  doc.addEventListener("click", function (e) {
    var a = e.target;
    while (a && a.nodeName !== "A") a = a.parentNode;
    if (a) toTop(a);
  }, true);

  /* A frame sized to its content never scrolls itself, and browsers do not scroll the host page
     for a #fragment in a frame: bring the target into view so that in-page links still show it. */
  window.addEventListener("hashchange", function () {
    var id = location.hash.slice(1), el;
    if (!started || !id) return;
    try { id = decodeURIComponent(id); } catch (e) { return; }
    el = doc.getElementById(id);
    if (el && el.scrollIntoView) el.scrollIntoView();
  });

  /* Height of the content, not of the frame: the theme stretches html and body to the frame's
     height, so once a host asks for sizes the page takes its natural height. */
  function measure() {
    return Math.min(100000, Math.ceil(root.getBoundingClientRect().height));
  }

  function send(always) {
    var h = measure();
    if (!target || !(h > 0) || (h === last && !always)) return;
    last = h;
    parent.postMessage({ type: "itin-embed:height", version: 1, height: h }, target);
  }

  function start() {
    var update = function () { send(false); }, queued = false;
    started = true;
    root.style.height = "auto";
    if (doc.body) doc.body.style.minHeight = "0";
    if (window.ResizeObserver) {
      new window.ResizeObserver(update).observe(root);
      return;
    }
    var later = function () {
      if (queued) return;
      queued = true;
      setTimeout(function () { queued = false; update(); }, 50);
    };
    window.addEventListener("load", update);
    window.addEventListener("resize", later);
    if (window.MutationObserver && doc.body) {
      new MutationObserver(later).observe(doc.body,
        { attributes: true, childList: true, characterData: true, subtree: true });
    }
  }

  window.addEventListener("message", function (e) {
    var d = e.data;
    if (fixed || e.source !== parent || !d || typeof d !== "object" ||
        Object.getPrototypeOf(d) !== Object.prototype ||
        Object.keys(d).sort().join() !== "type,version" ||
        d.type !== "itin-embed:hello" || d.version !== 1 ||
        !/^https?:\/\/[^/]+$/.test(e.origin)) return;
    target = e.origin; // the parent's origin: replies go there only
    if (!started) start();
    send(true);
  });
})();
