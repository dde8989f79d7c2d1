/* ITIN Privacy Guide: "Can they get my tax information?" (progressive enhancement).
 *
 * Without JavaScript every question is a section reached by plain links, and every answer is on
 * the answers page (check-answers/), one page for every reader. This script shows one question
 * at a time as a radio group with a Continue button, keeps the answers in memory only (never in
 * the address or the browser history, so Back or a quick exit leaves no trail), fetches the
 * whole answers page once (the same request for everyone, whatever they answer) and shows the
 * answer reached. Every word comes from the pages.
 *
 * SPDX-License-Identifier: MIT. Copyright (c) ITIN Privacy Guide contributors.
 * Permission is hereby granted, free of charge, to deal in this file without restriction;
 * it is provided "as is", without warranty of any kind.
 */
(function () {
  "use strict";
  var root = document.querySelector('[data-module="app-check"]');
  var island = root && root.querySelector(".app-check__tree");
  if (!root || !island || !root.classList || !window.JSON) return;
  var tree;
  try { tree = JSON.parse(island.textContent); } catch (e) { return; }
  var Q = tree.q, R = tree.r || {}, ALIAS = tree.a || {}, start = tree.start;
  if (!Q || !Q[start]) return;

  var kit = window.appKit;
  if (!kit) return;
  var each = kit.each, make = kit.make, textOf = kit.text;
  var str = function (key) { return root.getAttribute("data-i18n-" + key) || ""; };
  var byId = function (id) { return document.getElementById(id); };
  var status = root.querySelector(".app-check__status");
  var answersUrl = root.getAttribute("data-answers-url");
  // A shared link always opens the full answers page (also from inside an embed).
  var shareUrl = root.getAttribute("data-share-url") || answersUrl;

  /* State: the answers given (option ids from the start) and the node shown: a question id, or
     the anchor of an answer path (r--…). Nothing else is kept, and nothing is written down. */
  var state = { path: [], at: start };
  var memo = []; // the longest recent answers, to pre-select an answer after Back or Change

  function walk(answers) {
    var seen = [start], id = start;
    for (var i = 0; i < answers.length; i++) {
      var n = Q[id], next = null;
      if (!n) return null;
      each(n.o, function (o) { if (o[0] === answers[i]) next = o[1]; });
      if (!next || !(Q[next] || R[next])) return null;
      seen.push(id = next);
    }
    return seen;
  }

  // Every answer path to every question and answer anchor, for plain #q-… and #r--… links.
  var routes = {};
  (function visit(id, answers) {
    (routes[id] = routes[id] || []).push(answers);
    if (Q[id]) each(Q[id].o, function (o) { visit(o[1], answers.concat(o[0])); });
  })(start, []);

  function say(parts) {
    if (!status) return;
    status.textContent = "";
    each(parts, function (t) { if (t) status.appendChild(make("p", "", t)); });
  }
  function headingOf(id) { return byId(id + "-h"); }

  /* The answers page, fetched whole and once. */
  var answersDoc = null, loading = null;
  function load() {
    if (answersDoc) return { then: function (f) { f(answersDoc); return this; }, fail: function () {} };
    if (!loading && window.fetch && window.DOMParser && answersUrl) {
      loading = window.fetch(answersUrl, { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
        .then(function (text) {
          answersDoc = new DOMParser().parseFromString(text, "text/html");
          return answersDoc;
        });
      loading.then(null, function () { loading = null; });
    }
    return loading;
  }

  /* An answer section, taken from the answers page: its citations point at its own list. */
  function outcome(anchor) {
    var oid = R[anchor], sec = oid && byId(oid);
    if (sec || !oid || !answersDoc) return sec;
    var src = answersDoc.getElementById(oid);
    if (!src) return null;
    sec = document.importNode(src, true);
    // What you can do now: written once per list on the answers page; put in its place here.
    var slot = sec.querySelector("[data-next-set]");
    var set = slot && answersDoc.getElementById(slot.getAttribute("data-next-set"));
    if (set) {
      each(set.children, function (child) { slot.parentNode.insertBefore(document.importNode(child, true), slot); });
      var heading = slot.previousElementSibling;
      while (heading && heading.tagName !== "H3") heading = heading.previousElementSibling;
      if (heading) heading.id = oid + "-next";
    }
    var cited = [], list = make("ol");
    each(sec.querySelectorAll('a[href^="#src-"]'), function (a) {
      var id = a.getAttribute("href").slice(1);
      a.setAttribute("href", "#dw-" + id);
      if (cited.indexOf(id) < 0) {
        cited.push(id);
        var li = answersDoc.getElementById(id);
        if (li) {
          li = document.importNode(li, true);
          li.id = "dw-" + id;
          list.appendChild(li);
        }
      }
    });
    if (cited.length) {
      var box = make("details", "app-sources app-sources--part");
      box.appendChild(make("summary", "", str("sources").replace("{n}", String(cited.length))));
      box.appendChild(list);
      sec.insertBefore(box, sec.querySelector(".app-check__nav"));
    }
    root.insertBefore(sec, island);
    return sec;
  }

  /* Build: a question's links become a radio group with a Continue button, when the question is
     first needed (building all of them at once would hold up a slow phone at load). */
  var labels = {}; // question id -> option id -> label nodes (cloned from the links)
  var built = {};
  function build(sec) {
    if (!sec || built[sec.id] || !sec.classList.contains("app-check__question")) return;
    built[sec.id] = true;
    var id = sec.id, n = Q[id], list = sec.querySelector(".app-check__options");
    var h = headingOf(id);
    if (!n || !list || !h) return;
    var form = make("form", "app-check__form");
    form.setAttribute("novalidate", "");
    var set = make("fieldset", "app-check__fieldset");
    var legend = make("legend", "app-check__legend");
    var error = make("p", "app-check__error", str("choose"));
    error.id = id + "-error";
    error.hidden = true;
    var choices = make("div", "app-check__choices");
    labels[id] = {};
    each(list.querySelectorAll("a[data-option]"), function (a) {
      var opt = a.getAttribute("data-option");
      var box = make("div", "app-check__choice");
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
    form.appendChild(make("button", "app-button app-check__continue", str("continue")));
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
      go(state.path.concat(chosen.value));
    });
    form.addEventListener("change", function () {
      error.hidden = true;
      set.removeAttribute("aria-describedby");
      load(); // the same page for everyone: fetching it early says nothing about the answers
    });
  }

  /* Shared controls, moved into the node shown: Back and Start again. */
  var controls = make("p", "app-check__controls");
  var back = make("button", "app-button app-button--secondary", str("back"));
  var restart = make("button", "app-button app-button--secondary", str("restart"));
  back.type = restart.type = "button";
  controls.appendChild(back);
  controls.appendChild(restart);
  back.addEventListener("click", function () { go(state.path.slice(0, -1)); });
  restart.addEventListener("click", function () { go([]); });

  function go(answers) {
    var seen = walk(answers);
    if (!seen) { answers = []; seen = [start]; }
    show({ path: answers, at: seen[seen.length - 1] }, true);
  }

  /* "Your answers" (collapsed) with a Change button each, then copy and print. */
  function answersBox(sec, s) {
    var box = sec.querySelector("[data-answers]");
    if (!box) return;
    box.textContent = "";
    box.hidden = false;
    var seen = walk(s.path);
    var details = make("details", "app-check__answers-box");
    details.appendChild(make("summary", "", str("your-answers")));
    var dl = make("dl", "app-check__answer-list");
    each(s.path, function (opt, i) {
      var q = seen[i], row = make("div"), dd = make("dd");
      build(byId(q));
      var question = textOf(headingOf(q));
      row.appendChild(make("dt", "", question));
      var label = labels[q] && labels[q][opt];
      var answer = make("span", "app-check__answer");
      if (label) each(label.childNodes, function (c) { answer.appendChild(c.cloneNode(true)); });
      else answer.textContent = opt;
      var change = make("button", "app-check__change", str("change"));
      change.type = "button";
      change.appendChild(make("span", "app-visually-hidden", " " + question));
      change.addEventListener("click", function () { go(s.path.slice(0, i)); });
      dd.appendChild(answer);
      dd.appendChild(document.createTextNode(" "));
      dd.appendChild(change);
      row.appendChild(dd);
      dl.appendChild(row);
    });
    details.appendChild(dl);
    box.appendChild(details);
    var tools = make("p", "app-check__share");
    var copy = make("button", "app-button app-button--secondary", str("share"));
    var print = make("button", "app-button app-button--secondary", str("print"));
    copy.type = print.type = "button";
    copy.id = sec.id + "-share";
    var done = make("p", "app-check__copied", str("copied"));
    done.hidden = true;
    var field = make("input", "app-check__link");
    field.type = "text";
    field.readOnly = true;
    field.hidden = true;
    field.setAttribute("aria-labelledby", copy.id);
    tools.appendChild(copy);
    tools.appendChild(document.createTextNode(" "));
    tools.appendChild(print);
    box.appendChild(tools);
    box.appendChild(field);
    box.appendChild(done);
    print.addEventListener("click", function () { window.print(); });
    copy.addEventListener("click", function () {
      var url = new URL(shareUrl, location.href).href.split("#")[0] + "#" + state.at;
      field.value = url;
      kit.copy(url, field, function () { done.hidden = false; say([str("copied")]); });
    });
  }

  function show(s, move) {
    var isQ = !!Q[s.at];
    if (!isQ) {
      var sec0 = outcome(s.at);
      if (!sec0) {
        var pending = load();
        if (pending) {
          say([str("loading")]);
          pending.then(function () { show(s, move); }, function () {
            location.href = answersUrl + "#" + s.at; // offline: the plain link still works
          });
        } else {
          location.href = answersUrl + "#" + s.at;
        }
        return;
      }
    }
    state = s;
    var sec = isQ ? byId(s.at) : outcome(s.at);
    if (!sec) return;
    if (isQ) build(sec);
    if (memo.slice(0, s.path.length).join("/") !== s.path.join("/")) memo = s.path.slice();
    each(root.querySelectorAll("[data-node]"), function (el) {
      if (el === sec) el.classList.add("app-check__node--current");
      else el.classList.remove("app-check__node--current");
    });
    if (isQ) {
      var want = memo[s.path.length];
      each(sec.querySelectorAll("input[type=radio]"), function (r) { r.checked = r.value === want; });
      each(sec.querySelectorAll(".app-check__error"), function (e) {
        e.hidden = true;
        e.parentNode.removeAttribute("aria-describedby");
      });
      var form = sec.querySelector("form");
      if (form) sec.insertBefore(controls, form.nextSibling);
    } else {
      answersBox(sec, s);
      sec.insertBefore(controls, sec.querySelector("[data-answers]").nextSibling);
    }
    controls.hidden = s.at === start;
    if (!move) return;
    var h = headingOf(sec.id);
    var progress = sec.querySelector(".app-check__progress");
    say([textOf(progress), textOf(h)]);
    if (sec.scrollIntoView) sec.scrollIntoView();
    if (h) {
      try { h.focus({ preventScroll: true }); } catch (e) { h.focus(); }
    }
  }

  /* A link into the tool (#q-…, #r--…, an old published id, or an old #a=… link): show that
     step, then take the fragment out of the address so no answer stays in it. */
  function fromHash(hash) {
    var h = hash.replace(/^#/, "");
    try { h = decodeURIComponent(h); } catch (e) { return null; }
    if (ALIAS[h]) h = ALIAS[h];
    if (h.indexOf("a=") === 0) {
      var answers = h.slice(2) ? h.slice(2).split("/") : [], seen = walk(answers);
      while (!seen && answers.length) seen = walk(answers = answers.slice(0, -1));
      return seen ? { path: answers, at: seen[seen.length - 1] } : null;
    }
    if (!Q[h] && !R[h]) return null;
    var r = routes[h] || []; // an answer's anchor has exactly one path; a question may have many
    return { path: r.length === 1 ? r[0] : [], at: r.length === 1 || R[h] ? h : start };
  }

  root.classList.add("app-check--js");
  var first = location.hash ? fromHash(location.hash) : null;
  if (first && window.history && history.replaceState) {
    history.replaceState(null, "", location.href.split("#")[0]);
  }
  show(first || state, !!first);
  window.addEventListener("hashchange", function () {
    var s = fromHash(location.hash);
    if (!s) return;
    if (history.replaceState) history.replaceState(null, "", location.href.split("#")[0]);
    show(s, true);
  });
})();
