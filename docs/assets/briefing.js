/* Site behaviour computed nowhere else: the timeline filter and the actor graphs.
   Data comes from data/*.json, written by the generator; no text from it is ever
   inserted as HTML (only as textContent or option labels). */
(function () {
  "use strict";

  function siteBase() {
    var config = document.getElementById("__config");
    var base = ".";
    if (config) {
      try { base = JSON.parse(config.textContent).base || "."; } catch (e) { base = "."; }
    }
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }
  /* The site's other scripts (search.js, loaded after this one) find the site's root here. */
  window.briefingSite = { base: siteBase };

  function fetchJson(path) {
    return fetch(new URL(path, siteBase())).then(function (response) {
      if (!response.ok) { throw new Error(path + ": " + response.status); }
      return response.json();
    });
  }

  /* --- Timeline filter ------------------------------------------------- */

  function slugOf(link) {
    var match = /briefings\/([^\/#?]+)/.exec(link.getAttribute("href") || "");
    return match ? match[1].replace(/\.md$/, "").replace(/\.html$/, "") : null;
  }

  function makeSelect(label, name, options) {
    var wrapper = document.createElement("label");
    wrapper.className = "timeline-filter__field";
    wrapper.appendChild(document.createTextNode(label + " "));
    var select = document.createElement("select");
    select.name = name;
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "Alle";
    select.appendChild(all);
    Object.keys(options).forEach(function (id) {
      var option = document.createElement("option");
      option.value = id;
      option.textContent = options[id];
      select.appendChild(option);
    });
    wrapper.appendChild(select);
    return { wrapper: wrapper, select: select };
  }

  function setupTimeline(container) {
    fetchJson("data/timeline.json").then(function (data) {
      var topic = makeSelect("Onderwerp", "topic", data.topics);
      var actor = makeSelect("Actor", "actor", data.actors);
      var count = document.createElement("span");
      count.className = "timeline-filter__count";
      count.setAttribute("aria-live", "polite");
      container.appendChild(topic.wrapper);
      container.appendChild(actor.wrapper);
      container.appendChild(count);
      var article = container.closest("article") || document;
      var items = Array.prototype.slice.call(article.querySelectorAll("li")).filter(function (li) {
        var link = li.querySelector("a[href*='briefings/']");
        return link && slugOf(link) && data.briefings[slugOf(link)];
      });

      function apply() {
        var shown = 0;
        items.forEach(function (li) {
          var info = data.briefings[slugOf(li.querySelector("a[href*='briefings/']"))];
          var ok = (!topic.select.value || info.topics.indexOf(topic.select.value) >= 0) &&
                   (!actor.select.value || info.actors.indexOf(actor.select.value) >= 0);
          li.hidden = !ok;
          if (ok) { shown += 1; }
        });
        /* Hide month and year headings whose lists have nothing left to show. */
        article.querySelectorAll("h2, h3").forEach(function (heading) {
          var list = heading.nextElementSibling;
          if (heading.tagName === "H3" && list && list.tagName === "UL") {
            heading.hidden = list.querySelectorAll("li:not([hidden])").length === 0;
            list.hidden = heading.hidden;
          }
        });
        article.querySelectorAll("h2").forEach(function (heading) {
          var node = heading.nextElementSibling;
          var any = false;
          while (node && node.tagName !== "H2") {
            if ((node.tagName === "H3" || node.tagName === "UL") && !node.hidden) { any = true; }
            node = node.nextElementSibling;
          }
          heading.hidden = !any;
        });
        count.textContent = shown + " van " + items.length + " briefings";
      }
      /* ?actor=<id> and ?topic=<id> preselect the filters (actor and topic pages link
         here for their full lists); changing a filter updates the address to share. */
      var params = new URLSearchParams(window.location.search);
      [[topic.select, "topic"], [actor.select, "actor"]].forEach(function (pair) {
        var wanted = params.get(pair[1]);
        if (wanted && pair[0].querySelector("option[value='" + CSS.escape(wanted) + "']")) { pair[0].value = wanted; }
      });
      function changed() {
        var query = new URLSearchParams();
        if (topic.select.value) { query.set("topic", topic.select.value); }
        if (actor.select.value) { query.set("actor", actor.select.value); }
        var search = query.toString();
        window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
        apply();
      }
      topic.select.addEventListener("change", changed);
      actor.select.addEventListener("change", changed);
      apply();
    }).catch(function (error) {
      container.textContent = "Filter niet beschikbaar (" + error.message + ").";
    });
  }

  /* --- Actor graphs ---------------------------------------------------- */

  var KIND_COLOURS = { person: "#3f51b5", country: "#009688", organisation: "#ff9800" };

  function loadCytoscape() {
    if (window.cytoscape) { return Promise.resolve(window.cytoscape); }
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL("assets/vendor/cytoscape/cytoscape.min.js", siteBase()).href;
      script.onload = function () { resolve(window.cytoscape); };
      script.onerror = function () { reject(new Error("cytoscape niet geladen")); };
      document.head.appendChild(script);
    });
  }

  function setupGraph(container, data, cytoscape) {
    var focus = container.getAttribute("data-focus");
    var nodes = data.nodes;
    var edges = data.edges;
    if (focus) {
      var keep = {};
      keep[focus] = true;
      edges = edges.filter(function (e) { return e.source === focus || e.target === focus; });
      edges.forEach(function (e) { keep[e.source] = true; keep[e.target] = true; });
      nodes = nodes.filter(function (n) { return keep[n.id]; });
      if (nodes.length < 2) { container.hidden = true; return; }
    }
    var most = Math.max.apply(null, nodes.map(function (n) { return n.briefings; }).concat([1]));
    var cy = cytoscape({
      container: container,
      elements: nodes.map(function (n) {
        return { data: { id: n.id, label: n.reviewed === false ? n.name + " (?)" : n.name, kind: n.kind, url: n.url,
                         size: 14 + 36 * n.briefings / most, reviewed: n.reviewed === false ? "no" : "yes" } };
      }).concat(edges.map(function (e) {
        return { data: { id: e.source + "--" + e.target, source: e.source, target: e.target, weight: e.weight } };
      })),
      style: [
        { selector: "node", style: {
          "label": "data(label)", "width": "data(size)", "height": "data(size)", "font-size": 10,
          "background-color": function (node) { return KIND_COLOURS[node.data("kind")] || "#9e9e9e"; },
          "color": document.body.getAttribute("data-md-color-scheme") === "slate" ? "#e0e0e0" : "#333333",
          "text-valign": "bottom", "text-margin-y": 3,
          /* A label stays readable where it crosses a node or an edge. */
          "text-background-color": getComputedStyle(document.body).getPropertyValue("--md-default-bg-color").trim() || "#ffffff",
          "text-background-opacity": 0.8, "text-background-padding": 1 } },
        /* Not yet in data/actors.yml: a dashed ring and "(?)" after the name (the legend says what they mean). */
        { selector: "node[reviewed = 'no']", style: { "border-width": 2, "border-style": "dashed", "border-color": "#616161" } },
        { selector: "node[id = '" + (focus || "") + "']", style: { "border-width": 3, "border-color": "#e91e63" } },
        { selector: "edge", style: { "width": "mapData(weight, 1, 10, 1, 6)", "line-color": "#b0bec5", "opacity": 0.7 } }
      ],
      layout: { name: "circle", animate: false }
    });
    /* Start the force layout from the circle, not from random positions, so every reader
       (and every test run) sees the same picture. */
    var layout = cy.layout({ name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
                             nodeOverlap: 20, padding: 20 });
    cy.on("tap", "node", function (event) {
      window.location.href = new URL(event.target.data("url"), siteBase()).href;
    });
    /* The force layout may finish after this function returns: only then are the
       nodes where a reader (or a test) sees them. */
    layout.one("layoutstop", function () {
      legibleLabels(cy);
      var pending = false;
      cy.on("zoom", function () {
        if (pending) { return; }
        pending = true;
        window.requestAnimationFrame(function () { pending = false; legibleLabels(cy); });
      });
      container.setAttribute("data-rendered", String(cy.nodes().length));
    });
    window.briefingGraphs = (window.briefingGraphs || []).concat([cy]);
    layout.run();
  }

  /* Labels stay readable at any zoom (a small screen zooms the whole graph out): they are
     drawn at LABEL_PX on screen, and a label that would overlap the label of an actor in
     more briefings is hidden (the actor's name shows on its page and in the list below). */
  var LABEL_PX = 12;

  function legibleLabels(cy) {
    var zoom = cy.zoom();
    cy.batch(function () {
      cy.nodes().style({ "font-size": LABEL_PX / zoom, "text-opacity": 1 });
    });
    var shown = [];
    cy.nodes().sort(function (a, b) {
      return b.data("size") - a.data("size") || (a.id() < b.id() ? -1 : 1);
    }).forEach(function (node) {
      var box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      var free = shown.every(function (other) {
        return box.x2 < other.x1 || other.x2 < box.x1 || box.y2 < other.y1 || other.y2 < box.y1;
      });
      if (free) { shown.push(box); } else { node.style("text-opacity", 0); }
    });
  }

  function setupGraphs(containers) {
    Promise.all([loadCytoscape(), fetchJson("data/graph.json")]).then(function (loaded) {
      containers.forEach(function (container) { setupGraph(container, loaded[1], loaded[0]); });
    }).catch(function (error) {
      containers.forEach(function (container) { container.textContent = "Netwerk niet beschikbaar (" + error.message + ")."; });
    });
  }

  /* --- Briefing chips ------------------------------------------------- */

  /* On a small screen a long row of chips would push the text far down: show the first
     CHIPS_SHOWN and a "+N" button that shows the rest (and hides them again). */
  var CHIPS_SHOWN = 4;
  var NARROW = window.matchMedia("(max-width: 44.9375em)");

  function setupChips(group) {
    var chips = Array.prototype.slice.call(group.querySelectorAll("a.briefing-chip"));
    if (chips.length <= CHIPS_SHOWN + 1) { return; }
    var rest = chips.slice(CHIPS_SHOWN);
    var what = (group.getAttribute("aria-label") || "").toLowerCase() || "chips";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "briefing-chip briefing-chip--more";
    function show(expanded) {
      rest.forEach(function (chip) { chip.hidden = !expanded; });
      button.setAttribute("aria-expanded", String(expanded));
      button.textContent = expanded ? "minder" : "+" + rest.length;
      button.setAttribute("aria-label", expanded ? "Minder " + what + " tonen" : "Nog " + rest.length + " " + what + " tonen");
    }
    /* Opening moves the focus to the first chip it shows, so the keyboard carries on there. */
    button.addEventListener("click", function () {
      var expand = button.getAttribute("aria-expanded") !== "true";
      show(expand);
      if (expand) { rest[0].focus(); }
    });
    function fit() {
      button.hidden = !NARROW.matches;
      show(!NARROW.matches);
    }
    group.appendChild(button);
    NARROW.addEventListener("change", fit);
    fit();
  }

  /* --- Charts ------------------------------------------------------------ */

  /* The bar charts scale with the page: keep their labels at CHART_PX on screen and
     hide an axis label that would overlap the one before it. */
  var CHART_PX = 12;

  function legibleChart(svg) {
    var width = svg.getBoundingClientRect().width;
    var units = svg.viewBox && svg.viewBox.baseVal ? svg.viewBox.baseVal.width : 0;
    if (!width || !units) { return; }
    var labels = Array.prototype.slice.call(svg.querySelectorAll("text"));
    labels.forEach(function (text) { text.style.fontSize = (CHART_PX * units / width) + "px"; text.style.visibility = ""; });
    var last = null;
    labels.forEach(function (text) {
      if (text.getAttribute("text-anchor") !== "middle") { return; }  /* the axis labels */
      var box = text.getBoundingClientRect();
      if (last && box.left < last.right + 4) { text.style.visibility = "hidden"; } else { last = box; }
    });
  }

  function init() {
    Array.prototype.slice.call(document.querySelectorAll(".briefing-header__chips")).forEach(setupChips);
    var charts = Array.prototype.slice.call(document.querySelectorAll("svg.briefing-chart"));
    if (charts.length) {
      charts.forEach(legibleChart);
      window.addEventListener("resize", function () { charts.forEach(legibleChart); });
    }
    var timeline = document.getElementById("timeline-filter");
    if (timeline) { setupTimeline(timeline); }
    var graphs = Array.prototype.slice.call(document.querySelectorAll(".actor-graph"));
    if (graphs.length) { setupGraphs(graphs); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
