/* mekraid-site: event filters on the timeline page and search on the search page. No dependencies. */
(function () {
  "use strict";
  var byId = function (id) { return document.getElementById(id); };
  var each = function (selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); };
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(text) { return fold(text).split(/[^a-z0-9]+/).filter(Boolean); }
  function hashParams() {
    return location.hash.indexOf("=") > 0 ? new URLSearchParams(location.hash.slice(1)) : new URLSearchParams();
  }

  var filters = byId("filters");
  if (filters) {
    var items = Array.prototype.slice.call(document.querySelectorAll("li.event[data-event]"));
    var texts = items.map(function (li) { return fold(li.textContent); });
    var marks = {};
    each(".axis .mark", function (mark) { marks[mark.getAttribute("data-event")] = mark; });
    var fields = { q: byId("f-text"), actor: byId("f-actor"), source: byId("f-source"), kind: byId("f-kind") };
    var has = function (li, name, value) { return !value || li.getAttribute(name).split(" ").indexOf(value) >= 0; };
    var apply = function () {
      var query = words(fields.q.value), shown = 0, state = new URLSearchParams();
      items.forEach(function (li, i) {
        var ok = has(li, "data-actors", fields.actor.value) && has(li, "data-sources", fields.source.value) &&
          has(li, "data-kinds", fields.kind.value) && query.every(function (w) { return texts[i].indexOf(w) >= 0; });
        li.hidden = !ok;
        var mark = marks[li.getAttribute("data-event")];
        if (mark) { mark.classList.toggle("dim", !ok); }
        shown += ok ? 1 : 0;
      });
      each(".period", function (period) { period.hidden = !period.querySelector("li.event:not([hidden])"); });
      byId("f-none").hidden = shown > 0;
      byId("f-count").textContent = shown === items.length ? "Showing all " + items.length + " events." :
        "Showing " + shown + " of " + items.length + " events.";
      Object.keys(fields).forEach(function (key) { if (fields[key].value) { state.set(key, fields[key].value); } });
      var hash = state.toString();
      if (hash || location.hash.indexOf("=") > 0) {
        history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
      }
    };
    var initial = hashParams();
    Object.keys(fields).forEach(function (key) {
      var value = initial.get(key);
      if (value !== null && (fields[key].tagName !== "SELECT" || fields[key].querySelector("option[value='" + CSS.escape(value) + "']"))) {
        fields[key].value = value;
      }
    });
    filters.hidden = false;
    filters.addEventListener("input", apply);
    filters.addEventListener("change", apply);
    filters.addEventListener("submit", function (event) { event.preventDefault(); });
    filters.addEventListener("reset", function () { setTimeout(apply, 0); });
    if (initial.toString()) { apply(); }
  }

  var search = byId("search");
  if (search && window.SITE_SEARCH_INDEX) {
    var kinds = { event: 0, actor: 1, source: 2, quote: 3 };
    var index = window.SITE_SEARCH_INDEX.map(function (entry) {
      return { entry: entry, title: fold(entry.t), text: fold(entry.t + " " + (entry.x || "") + " " + entry.d) };
    });
    var input = byId("q"), list = byId("search-results"), count = byId("search-count");
    var run = function () {
      var query = words(input.value);
      list.textContent = "";
      if (!query.length) { count.textContent = ""; return; }
      var hits = index.filter(function (item) {
        return query.every(function (w) { return item.text.indexOf(w) >= 0; });
      });
      var whole = words(input.value).join(" ");
      var score = function (item) {  // the exact name first, then titles with every word, then by kind
        return kinds[item.entry.k] - (words(item.entry.t).join(" ") === whole ? 20 : 0) -
          (query.every(function (w) { return item.title.indexOf(w) >= 0; }) ? 10 : 0);
      };
      hits.sort(function (a, b) { return score(a) - score(b); });
      hits.slice(0, 60).forEach(function (item) {
        var li = document.createElement("li"), link = document.createElement("a"), meta = document.createElement("span");
        var title = item.entry.t;
        link.href = item.entry.u;
        link.textContent = item.entry.k === "quote" ? "“" + (title.length > 160 ? title.slice(0, 157) + "…" : title) + "”" : title;
        meta.className = "muted";
        meta.textContent = " " + item.entry.k + " · " + item.entry.d;
        li.appendChild(link);
        li.appendChild(meta);
        list.appendChild(li);
      });
      count.textContent = hits.length + (hits.length === 1 ? " result" : " results") + " for “" + input.value.trim() + "”" +
        (hits.length > 60 ? "; showing the first 60." : ".");
    };
    search.hidden = false;
    input.addEventListener("input", run);
    search.addEventListener("submit", function (event) { event.preventDefault(); });
    var start = new URLSearchParams(location.search).get("q") || hashParams().get("q");
    if (start) { input.value = start; run(); }
  }
}());
