/* ITIN Privacy Guide embeds: optional auto-resize for the host page (see EMBEDDING.md).
 * For each <iframe data-itin-embed>, once it loads, says hello to the embedded page at the
 * origin of the iframe's src; accepts only {type:"itin-embed:height",version:1,height:N}
 * from that very frame and origin, and sets the iframe's height. Everything else is ignored.
 * A frame marked data-height="fixed" is left alone: no hello, so it never reports its height.
 * Nothing is stored, fetched or sent anywhere else.
 * SPDX-License-Identifier: MIT. Copyright (c) ITIN Privacy Guide contributors.
 */
(function () {
  "use strict";
  var SEL = "iframe[data-itin-embed]";

  function originOf(f) {
    try {
      var u = new URL(f.src, location.href);
      return /^https?:$/.test(u.protocol) ? u.origin : "";
    } catch (e) { return ""; }
  }

  function hello(f) {
    var o = originOf(f), w = f.contentWindow;
    if (f.getAttribute("data-height") === "fixed") return;
    if (o && w) try { w.postMessage({ type: "itin-embed:hello", version: 1 }, o); } catch (e) {}
  }

  function exact(d, keys) {
    return !!d && typeof d === "object" && Object.getPrototypeOf(d) === Object.prototype &&
      Object.keys(d).sort().join() === keys;
  }

  // Every embed that loads from now on (also ones added later): load events reach the
  // document in the capture phase.
  document.addEventListener("load", function (e) {
    var f = e.target;
    if (f && f.tagName === "IFRAME" && f.hasAttribute("data-itin-embed")) hello(f);
  }, true);

  // Embeds that loaded before this script ran (it is loaded async).
  Array.prototype.forEach.call(document.querySelectorAll(SEL), function (f) {
    var d = null;
    try { d = f.contentDocument; } catch (e) {}
    if (!d || (d.readyState === "complete" && d.URL !== "about:blank")) hello(f);
  });

  window.addEventListener("message", function (e) {
    var d = e.data, h, fs, i;
    if (!e.source || !exact(d, "height,type,version") || d.type !== "itin-embed:height" ||
        d.version !== 1 || typeof d.height !== "number") return;
    h = d.height;
    if (!(h > 0 && h <= 100000)) return; // also rules out NaN and Infinity
    fs = document.querySelectorAll(SEL);
    for (i = 0; i < fs.length; i++) {
      if (fs[i].contentWindow === e.source) {
        if (e.origin === originOf(fs[i]) && fs[i].getAttribute("data-height") !== "fixed")
          fs[i].style.height = Math.ceil(h) + "px";
        return;
      }
    }
  });
})();
