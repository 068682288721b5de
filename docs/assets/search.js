/* The site's search: a box in the header with instant results, and the full results page
   (search/?q=…) with facets and sorting, both on Pagefind's chunked index (pagefind/, built
   after the site). Text from the index is only ever inserted as text nodes; the one element
   this script makes around it is <mark>, for the words that matched. */
(function () {
  "use strict";

  /* Below this Pagefind weight a match is in the briefing's hidden search terms (the other
     names of its actors and the Dutch forms of its words; generator/render.py writes 0.2,
     which Pagefind stores as 1/6), not in text a reader sees. */
  var HIDDEN_WEIGHT = 0.5;
  var EXCERPT_WORDS = 26;
  var HEADER_RESULTS = 8;
  var PAGE_RESULTS = 20;
  /* Filters that a page has several of (actors, topics) must all hold; of the others (kind,
     year: one per page) any of the chosen ones. */
  var FACETS = [
    { key: "actor", label: "Actor", all: true },
    { key: "onderwerp", label: "Onderwerp", all: true },
    { key: "soort", label: "Soort bron", all: false },
    { key: "jaar", label: "Jaar", all: false }
  ];
  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december"];

  /* The site's root, from Material's config (briefing.js, loaded before this script). */
  var siteBase = window.briefingSite.base;

  var pagefind = null;
  function engine() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", siteBase()).href).then(function (pf) {
        /* init() fetches Pagefind's WebAssembly and index metadata now (the box has focus), not
           after the first key. noWorker: searching on the page saves fetching Pagefind's worker
           script (11 KB) before the first result; a search takes milliseconds. */
        return pf.options({ baseUrl: siteBase().pathname, excerptLength: EXCERPT_WORDS, noWorker: true })
          .then(function () { return pf.init(); })
          .then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function dutchDate(value) {
    var parts = String(value || "").split("-");
    if (!parts[0]) { return ""; }
    if (parts.length === 3) { return Number(parts[2]) + " " + MONTHS[Number(parts[1]) - 1] + " " + parts[0]; }
    if (parts.length === 2) { return MONTHS[Number(parts[1]) - 1] + " " + parts[0]; }
    return parts[0];
  }

  function normal(text) {
    return String(text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  }

  /* The excerpt: the words around the best match a reader can see, with the matched words
     marked; a page matched only through its hidden terms shows its opening words. */
  function excerpt(data) {
    var words = (data.content || "").split(/\s+/);
    var seen = (data.weighted_locations || []).filter(function (l) { return l.weight >= HIDDEN_WEIGHT; });
    var marked = {};
    seen.forEach(function (l) { marked[l.location] = true; });
    var start = 0;
    if (seen.length) {
      var best = seen.reduce(function (a, b) { return b.balanced_score > a.balanced_score ? b : a; });
      start = Math.max(0, best.location - Math.floor(EXCERPT_WORDS / 3));
    }
    var end = Math.min(words.length, start + EXCERPT_WORDS);
    var hiddenFrom = (data.weighted_locations || []).filter(function (l) { return l.weight < HIDDEN_WEIGHT; })
      .reduce(function (low, l) { return Math.min(low, l.location); }, words.length);
    end = Math.min(end, Math.max(start, hiddenFrom));
    var node = el("span", "site-search__excerpt");
    if (start > 0) { node.appendChild(document.createTextNode("… ")); }
    for (var i = start; i < end; i++) {
      var word = words[i].replace(/¶$/, "");
      if (marked[i]) { node.appendChild(el("mark", null, word)); } else { node.appendChild(document.createTextNode(word)); }
      if (i < end - 1) { node.appendChild(document.createTextNode(" ")); }
    }
    if (end < words.length) { node.appendChild(document.createTextNode(" …")); }
    return node;
  }

  function resultLink(data, className) {
    var link = el("a", className);
    link.href = data.url;
    var title = (data.meta && data.meta.title) || data.url;
    link.appendChild(el("span", "site-search__title", title));
    var about = [data.meta && data.meta.kind, data.meta && dutchDate(data.meta.date)].filter(Boolean).join(" · ");
    if (about) { link.appendChild(el("span", "site-search__about", about)); }
    link.appendChild(excerpt(data));
    return link;
  }

  function filterObject(chosen) {
    var filters = {};
    FACETS.forEach(function (facet) {
      var values = chosen[facet.key] || [];
      if (values.length) { filters[facet.key] = facet.all ? values.slice() : { any: values.slice() }; }
    });
    return filters;
  }

  /* Which of the results' data is the page of an actor whose name or other name is the query (-1: none). */
  function namedActor(datas, term) {
    var wanted = normal(term);
    for (var i = 0; i < datas.length; i++) {
      var names = [datas[i].meta.title].concat(String(datas[i].meta.names || "").split("|"));
      if (datas[i].meta.kind === "Actor" && names.some(function (n) { return normal(n) === wanted; })) { return i; }
    }
    return -1;
  }

  /* Runs a query; an actor's page whose name or other name is the query comes first. `quick` (the
     header box): no second search for actor pages, so no filter index is fetched before the first
     result; the header puts the actor first among the results it shows. */
  function run(query, chosen, sort, quick) {
    return engine().then(function (pf) {
      var options = { filters: filterObject(chosen || {}) };
      if (sort) { options.sort = { date: sort }; }
      var term = query && query.trim() ? query.trim() : null;
      /* One search after the other: Pagefind's filter counts go wrong when two run at once. */
      var search = null;
      return pf.search(term, options).then(function (main) {
        /* Copied: the next search rewrites the counts in place. */
        search = main && { results: main.results, filters: JSON.parse(JSON.stringify(main.filters || {})) };
        return main && term && !sort && !quick ? pf.search(term, { filters: { soort: "Actor" } }) : null;
      }).then(function (actors) {
        if (!search) { return null; } /* superseded by a newer query */
        var results = search.results.slice();
        var actorResults = actors && actors.results ? actors.results.slice(0, 3) : [];
        return Promise.all(actorResults.map(function (r) { return r.data(); })).then(function (datas) {
          var i = namedActor(datas, term);
          if (i >= 0) {
            var id = actorResults[i].id;
            var at = results.findIndex(function (r) { return r.id === id; });
            if (at >= 0) { results.unshift(results.splice(at, 1)[0]); }
          }
          return { results: results, filters: search.filters };
        });
      });
    });
  }

  function searchPage(query) {
    var url = new URL("search/", siteBase());
    if (query) { url.searchParams.set("q", query); }
    return url.href;
  }

  /* --- The box in the header ---------------------------------------------- */

  function headerBox() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner) { return; }
    var box = el("div", "site-search");
    box.setAttribute("role", "search");
    var input = el("input", "site-search__input");
    input.type = "search";
    input.placeholder = "Zoeken";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("aria-label", "Zoeken in de briefings");
    input.setAttribute("aria-controls", "site-search-results");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.title = "Zoeken (sneltoets: / of s)";
    var panel = el("div", "site-search__panel");
    panel.id = "site-search-results";
    panel.hidden = true;
    var status = el("p", "site-search__status");
    status.setAttribute("role", "status");
    var list = el("ul", "site-search__list");
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Zoekresultaten");
    var more = el("a", "site-search__more", "Alle resultaten");
    panel.appendChild(status);
    panel.appendChild(list);
    panel.appendChild(more);
    box.appendChild(input);
    box.appendChild(panel);
    var source = inner.querySelector(".md-header__source");
    inner.insertBefore(box, source || null);

    var selected = -1;
    var generation = 0;
    var timer = null;

    function options() { return Array.prototype.slice.call(list.querySelectorAll("[role=option]")); }
    function select(index) {
      var all = options();
      if (!all.length) { selected = -1; return; }
      selected = (index + all.length) % all.length;
      all.forEach(function (o, i) { o.setAttribute("aria-selected", i === selected ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", all[selected].id);
      all[selected].scrollIntoView({ block: "nearest" });
    }
    function open(show) {
      panel.hidden = !show;
      input.setAttribute("aria-expanded", show ? "true" : "false");
    }
    function close() {
      open(false);
      selected = -1;
      input.removeAttribute("aria-activedescendant");
    }

    function update() {
      var query = input.value.trim();
      var mine = ++generation;
      if (!query) { close(); return; }
      more.href = searchPage(query);
      run(query, {}, null, true).then(function (found) {
        if (mine !== generation || !found) { return; }
        var shown = found.results.slice(0, HEADER_RESULTS);
        return Promise.all(shown.map(function (r) { return r.data(); })).then(function (datas) {
          if (mine !== generation) { return; }
          var actor = namedActor(datas, query);
          if (actor > 0) { datas.unshift(datas.splice(actor, 1)[0]); }
          list.textContent = "";
          selected = -1;
          input.removeAttribute("aria-activedescendant");
          datas.forEach(function (data, i) {
            var item = el("li");
            var link = resultLink(data, "site-search__result");
            link.id = "site-search-option-" + i;
            link.setAttribute("role", "option");
            link.setAttribute("aria-selected", "false");
            link.tabIndex = -1;
            item.appendChild(link);
            list.appendChild(item);
          });
          var n = found.results.length;
          status.textContent = n === 0
            ? "Geen resultaten voor “" + query + "”. Probeer een ander of korter woord."
            : (n === 1 ? "1 resultaat" : n + " resultaten") + " voor “" + query + "”";
          more.hidden = n === 0;
          more.textContent = n > HEADER_RESULTS ? "Alle " + n + " resultaten, met filters" : "Resultaten met filters";
          open(true);
        });
      }).catch(function () {
        if (mine !== generation) { return; }
        list.textContent = "";
        status.textContent = "Zoeken is hier niet beschikbaar: de zoekindex ontbreekt (make site bouwt hem).";
        more.hidden = true;
        open(true);
      });
    }

    input.addEventListener("focus", function () { engine(); if (input.value.trim()) { update(); } });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 80);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); if (panel.hidden) { update(); } else { select(selected + 1); } }
      else if (event.key === "ArrowUp") { event.preventDefault(); select(selected - 1); }
      else if (event.key === "Enter") {
        event.preventDefault();
        var all = options();
        window.location.href = selected >= 0 && all[selected] ? all[selected].href : searchPage(input.value.trim());
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
        input.blur();
      }
    });
    document.addEventListener("click", function (event) { if (!box.contains(event.target)) { close(); } });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (typing || event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (event.key === "/" || event.key === "s") {
        event.preventDefault();
        input.focus();
        input.select();
      }
    });
  }

  /* --- The full results page ---------------------------------------------- */

  function resultsPage() {
    var root = document.getElementById("site-search-page");
    if (!root) { return; }
    var params = new URLSearchParams(window.location.search);
    var chosen = {};
    FACETS.forEach(function (f) { chosen[f.key] = params.getAll(f.key); });
    var form = el("form", "site-search-page__form");
    form.setAttribute("role", "search");
    var input = el("input", "site-search-page__input");
    input.type = "search";
    input.name = "q";
    input.value = params.get("q") || "";
    input.setAttribute("aria-label", "Zoekterm");
    input.placeholder = "Zoekterm, bijvoorbeeld kernwapens of Rutte";
    var sortLabel = el("label", "site-search-page__sort", "Volgorde ");
    var sort = el("select");
    sort.name = "sort";
    [["", "relevantie"], ["desc", "nieuwste eerst"], ["asc", "oudste eerst"]].forEach(function (o) {
      var option = el("option", null, o[1]);
      option.value = o[0];
      sort.appendChild(option);
    });
    sort.value = ["asc", "desc"].indexOf(params.get("sort")) >= 0 ? params.get("sort") : "";
    sortLabel.appendChild(sort);
    var button = el("button", "md-button md-button--primary", "Zoeken");
    button.type = "submit";
    form.appendChild(input);
    form.appendChild(button);
    form.appendChild(sortLabel);
    var layout = el("div", "site-search-page__layout");
    var facets = el("div", "site-search-page__facets");
    facets.setAttribute("aria-label", "Filters");
    var body = el("div", "site-search-page__body");
    var status = el("p", "site-search-page__status");
    status.setAttribute("role", "status");
    var list = el("ol", "site-search-page__results");
    var more = el("button", "md-button site-search-page__more", "Meer resultaten");
    more.type = "button";
    more.hidden = true;
    body.appendChild(status);
    body.appendChild(list);
    body.appendChild(more);
    layout.appendChild(facets);
    layout.appendChild(body);
    root.appendChild(form);
    root.appendChild(layout);

    var generation = 0;
    var results = [];
    var shown = 0;

    function remember() {
      var url = new URL(window.location.href);
      url.search = "";
      if (input.value.trim()) { url.searchParams.set("q", input.value.trim()); }
      if (sort.value) { url.searchParams.set("sort", sort.value); }
      FACETS.forEach(function (f) { (chosen[f.key] || []).forEach(function (v) { url.searchParams.append(f.key, v); }); });
      window.history.replaceState(null, "", url.href);
    }

    function showMore() {
      var next = results.slice(shown, shown + PAGE_RESULTS);
      shown += next.length;
      more.hidden = shown >= results.length;
      var mine = generation;
      return Promise.all(next.map(function (r) { return r.data(); })).then(function (datas) {
        if (mine !== generation) { return; }
        datas.forEach(function (data) {
          var item = el("li");
          item.appendChild(resultLink(data, "site-search-page__result"));
          list.appendChild(item);
        });
      });
    }

    function drawFacets(counts) {
      facets.textContent = "";
      FACETS.forEach(function (facet) {
        var values = counts[facet.key] || {};
        var names = Object.keys(values).filter(function (v) { return values[v] > 0 || (chosen[facet.key] || []).indexOf(v) >= 0; });
        if (!names.length) { return; }
        names.sort(function (a, b) {
          if (facet.key === "jaar") { return b.localeCompare(a); }
          return (values[b] - values[a]) || a.localeCompare(b, "nl");
        });
        var group = el("fieldset", "site-search-page__facet");
        group.setAttribute("data-facet", facet.key);
        group.appendChild(el("legend", null, facet.label));
        names.slice(0, 30).forEach(function (name) {
          var label = el("label");
          var box = el("input");
          box.type = "checkbox";
          box.value = name;
          box.checked = (chosen[facet.key] || []).indexOf(name) >= 0;
          box.addEventListener("change", function () {
            var now = (chosen[facet.key] || []).filter(function (v) { return v !== name; });
            if (box.checked) { now.push(name); }
            chosen[facet.key] = now;
            update();
          });
          label.appendChild(box);
          label.appendChild(document.createTextNode(" " + name + " "));
          label.appendChild(el("span", "site-search-page__count", "(" + values[name] + ")"));
          group.appendChild(label);
        });
        facets.appendChild(group);
      });
    }

    function update() {
      var query = input.value.trim();
      var mine = ++generation;
      remember();
      var anyFilter = FACETS.some(function (f) { return (chosen[f.key] || []).length; });
      if (!query && !anyFilter) {
        list.textContent = "";
        more.hidden = true;
        status.textContent = "Typ een zoekterm, of kies een filter.";
        engine().then(function (pf) { return pf.filters(); }).then(function (all) {
          if (mine === generation) { drawFacets(all || {}); }
        }).catch(function () { status.textContent = "De zoekindex ontbreekt: make site bouwt hem."; });
        return;
      }
      status.textContent = "Zoeken…";
      run(query, chosen, sort.value || null).then(function (found) {
        if (mine !== generation || !found) { return; }
        results = found.results;
        shown = 0;
        list.textContent = "";
        var n = results.length;
        var what = query ? " voor “" + query + "”" : "";
        status.textContent = n === 0
          ? "Geen resultaten" + what + ". Probeer een ander of korter woord, of zet een filter uit."
          : (n === 1 ? "1 resultaat" : n + " resultaten") + what + ".";
        drawFacets(found.filters);
        return showMore();
      }).catch(function () {
        if (mine === generation) { status.textContent = "De zoekindex ontbreekt: make site bouwt hem."; }
      });
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    sort.addEventListener("change", update);
    more.addEventListener("click", showMore);
    var timer = null;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 150); });
    /* Pagefind counts a facet's values only once that facet's data is loaded: load them all. */
    engine().then(function (pf) { return pf.filters(); }).then(update, update);
  }

  function start() {
    headerBox();
    resultsPage();
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
