/* ITIN Privacy Guide: "Can they get my tax information?" (progressive enhancement).
 *
 * Without JavaScript every question and outcome is a section linked by plain anchors. This
 * script shows one at a time, as a radio group with a Continue button. Your answers live only in
 * memory and in the address after the # sign (#a=answer/answer/answer), which browsers never
 * send to a server: nothing is stored, sent or fetched. Every word comes from the page.
 *
 * SPDX-License-Identifier: MIT. Copyright (c) ITIN Privacy Guide contributors.
 * Permission is hereby granted, free of charge, to deal in this file without restriction;
 * it is provided "as is", without warranty of any kind.
 */
(function () {
  "use strict";
  var root = document.querySelector('[data-module="app-decision-widget"]');
  var island = root && root.querySelector(".app-dw__tree");
  if (!root || !island || !root.classList || !window.JSON) return;
  var tree;
  try { tree = JSON.parse(island.textContent); } catch (e) { return; }
  var nodes = tree.nodes, start = tree.start;
  if (!nodes || !nodes[start]) return;

  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var str = function (key) { return root.getAttribute("data-i18n-" + key) || ""; };
  var byId = function (id) { return document.getElementById(id); };
  var make = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };
  var status = root.querySelector(".app-dw__status");
  var PREFIX = "a=";

  /* State: the answers given (option ids from the start), the node shown, and whether the
     answers are known (a plain #r-… anchor reached by several paths leaves them unknown). */
  var state = { path: [], at: start, known: true };
  var memo = []; // the longest recent answers, to pre-select an answer after Back or Change

  function walk(answers) {
    var seen = [start], id = start;
    for (var i = 0; i < answers.length; i++) {
      var n = nodes[id], next = null;
      if (!n || n.t !== "q") return null;
      each(n.o, function (o) { if (o[0] === answers[i]) next = o[1]; });
      if (!next || !nodes[next]) return null;
      seen.push(id = next);
    }
    return seen;
  }

  // Every answer path to every node (a few hundred at most), for plain #q-…/#r-… anchors.
  var routes = {};
  (function visit(id, answers, depth) {
    (routes[id] = routes[id] || []).push(answers);
    var n = nodes[id];
    if (n && n.t === "q" && depth < 20) {
      each(n.o, function (o) { visit(o[1], answers.concat(o[0]), depth + 1); });
    }
  })(start, [], 0);

  function hashFor(s) {
    return s.known ? PREFIX + s.path.join("/") : s.at;
  }

  function nodeOf(el) {
    while (el && el !== root) {
      if (el.hasAttribute && el.hasAttribute("data-node") && nodes[el.id]) return el.id;
      el = el.parentNode;
    }
    return null;
  }

  /* The state a fragment asks for, or null when the fragment is not about this widget. */
  function parse(hash) {
    var h = hash.replace(/^#/, "");
    try { h = decodeURIComponent(h); } catch (e) { return null; }
    if (h.indexOf(PREFIX) === 0) {
      var answers = h.slice(PREFIX.length) ? h.slice(PREFIX.length).split("/") : [];
      var seen = walk(answers);
      return seen ? { path: answers, at: seen[seen.length - 1], known: true }
        : { path: [], at: start, known: true };
    }
    var id = nodes[h] ? h : nodeOf(h && byId(h));
    if (!id) return null;
    var current = state.known ? walk(state.path) : null;
    var i = current ? current.indexOf(id) : -1;
    var inner = id !== h ? h : "";
    if (i >= 0) return { path: state.path.slice(0, i), at: id, known: true, inner: inner };
    var r = routes[id] || [];
    return { path: r.length === 1 ? r[0] : [], at: id, known: r.length === 1, inner: inner };
  }

  function say(parts) {
    if (!status) return;
    status.textContent = "";
    each(parts, function (t) { if (t) status.appendChild(make("p", "", t)); });
  }

  function headingOf(id) { return byId(id + "-h"); }
  function textOf(el) { return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; }

  var total = 0;
  each(Object.keys(nodes), function (id) { if (nodes[id].t === "q") total = Math.max(total, nodes[id].s); });

  /* Build: each question's links become a radio group with a Continue button. */
  var labels = {}; // node id -> option id -> label nodes (cloned from the links)
  each(root.querySelectorAll(".app-dw__question[data-node]"), function (sec) {
    var id = sec.id, n = nodes[id], list = sec.querySelector(".app-dw__options");
    var h = headingOf(id);
    if (!n || n.t !== "q" || !list || !h) return;
    var progress = sec.querySelector(".app-dw__progress");
    if (progress && str("progress")) {
      progress.textContent = str("progress").replace("{n}", String(n.s)).replace("{total}", String(total));
    }
    var form = make("form", "app-dw__form");
    form.setAttribute("novalidate", "");
    var set = make("fieldset", "app-dw__fieldset");
    var legend = make("legend", "app-dw__legend");
    var error = make("p", "app-dw__error", str("choose"));
    error.id = id + "-error";
    error.hidden = true;
    var choices = make("div", "app-dw__choices");
    labels[id] = {};
    each(list.querySelectorAll("a[data-option]"), function (a) {
      var opt = a.getAttribute("data-option");
      var box = make("div", "app-dw__choice");
      var input = make("input");
      var label = make("label");
      input.type = "radio";
      input.name = id;
      input.value = opt;
      input.id = id + "--" + opt;
      label.htmlFor = input.id;
      each(a.childNodes, function (c) { label.appendChild(c.cloneNode(true)); });
      labels[id][opt] = label;
      box.appendChild(input);
      box.appendChild(label);
      choices.appendChild(box);
    });
    sec.insertBefore(form, h);
    legend.appendChild(h);
    set.appendChild(legend);
    set.appendChild(error);
    set.appendChild(choices);
    form.appendChild(set);
    form.appendChild(make("button", "app-dw__button app-dw__continue", str("continue")));
    list.parentNode.removeChild(list);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input:checked");
      if (!chosen) {
        error.hidden = false;
        set.setAttribute("aria-describedby", error.id);
        form.querySelector("input").focus();
        say([str("choose")]);
        return;
      }
      go(PREFIX + state.path.concat(chosen.value).join("/"));
    });
    form.addEventListener("change", function () {
      error.hidden = true;
      set.removeAttribute("aria-describedby");
    });
  });

  /* Shared controls, moved into the node shown: Back and Start again are plain links. */
  var controls = make("p", "app-dw__controls");
  var back = make("a", "app-dw__back", str("back"));
  var restart = make("a", "app-dw__restart", str("restart"));
  restart.href = "#" + PREFIX;
  controls.appendChild(back);
  controls.appendChild(restart);

  function go(hash) {
    if (("#" + hash) === location.hash) show(parse(hash), true);
    else location.hash = hash;
  }

  /* "Your answers" with a Change link each, and "Copy a link to this result". */
  function answersFor(sec, s) {
    var box = sec.querySelector("[data-answers]");
    if (!box) return;
    box.textContent = "";
    box.hidden = false;
    var seen = s.known ? walk(s.path) : null;
    if (seen && s.path.length) {
      box.appendChild(make("h3", "app-dw__answers-heading", str("your-answers")));
      var dl = make("dl", "app-dw__answer-list");
      each(s.path, function (opt, i) {
        var q = seen[i], row = make("div"), dd = make("dd");
        var question = textOf(headingOf(q));
        row.appendChild(make("dt", "", question));
        var label = labels[q] && labels[q][opt];
        var answer = make("span", "app-dw__answer");
        if (label) each(label.childNodes, function (c) { answer.appendChild(c.cloneNode(true)); });
        else answer.textContent = opt;
        var change = make("a", "app-dw__change", str("change"));
        change.href = "#" + PREFIX + s.path.slice(0, i).join("/");
        change.appendChild(make("span", "app-dw__sr", " " + question));
        dd.appendChild(answer);
        dd.appendChild(document.createTextNode(" "));
        dd.appendChild(change);
        row.appendChild(dd);
        dl.appendChild(row);
      });
      box.appendChild(dl);
    }
    var share = make("p", "app-dw__share");
    var button = make("button", "app-dw__button app-dw__button--secondary", str("share"));
    button.type = "button";
    button.id = sec.id + "-share";
    var done = make("p", "app-dw__copied", str("copied"));
    done.hidden = true;
    var field = make("input", "app-dw__link");
    field.type = "text";
    field.readOnly = true;
    field.hidden = true;
    field.setAttribute("aria-labelledby", button.id);
    share.appendChild(button);
    box.appendChild(share);
    box.appendChild(field);
    box.appendChild(done);
    button.addEventListener("click", function () {
      var url = location.href.split("#")[0].split("?")[0] + "#" + hashFor(state);
      var copied = function () { done.hidden = false; say([str("copied")]); };
      var manual = function () {
        field.value = url;
        field.hidden = false;
        field.focus();
        field.select();
        try { if (document.execCommand("copy")) copied(); } catch (e) { /* select is enough */ }
      };
      field.value = url;
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(copied, manual);
      } else {
        manual();
      }
    });
  }

  function show(s, move) {
    state = s;
    var sec = byId(s.at), n = nodes[s.at];
    if (!sec || !n) return;
    if (s.known && memo.slice(0, s.path.length).join("/") !== s.path.join("/")) memo = s.path.slice();
    each(root.querySelectorAll("[data-node]"), function (el) {
      if (el === sec) el.classList.add("app-dw__node--current");
      else el.classList.remove("app-dw__node--current");
    });
    if (n.t === "q") {
      var want = s.known ? memo[s.path.length] : null;
      each(sec.querySelectorAll("input[type=radio]"), function (r) { r.checked = r.value === want; });
      each(sec.querySelectorAll(".app-dw__error"), function (e) {
        e.hidden = true;
        e.parentNode.removeAttribute("aria-describedby");
      });
      var form = sec.querySelector("form");
      if (form) sec.insertBefore(controls, form.nextSibling);
    } else {
      answersFor(sec, s);
      sec.appendChild(controls);
    }
    controls.hidden = s.at === start;
    back.href = "#" + PREFIX + (s.known ? s.path.slice(0, -1).join("/") : "");
    if (!move) return;
    var h = headingOf(s.at);
    if (n.t === "q") say([textOf(sec.querySelector(".app-dw__progress")), textOf(h)]);
    else say([textOf(h)]);
    if (s.inner) { // a link into an outcome's text: show that place, as the browser would
      byId(s.inner).scrollIntoView();
      return;
    }
    if (sec.scrollIntoView) sec.scrollIntoView();
    if (h) {
      try { h.focus({ preventScroll: true }); } catch (e) { h.focus(); }
    }
  }

  window.addEventListener("hashchange", function () {
    var s = parse(location.hash);
    if (s) show(s, true);
  });

  root.classList.add("app-dw--js");
  var first = location.hash ? parse(location.hash) : null;
  show(first || state, !!first);
})();
