// Framing Lens charts: draws every chart element the views render
//
//   <div class="chart" id="ID" data-chart-options-id="ID-options">
//   <script type="application/json" id="ID-options">{...}</script>
//
// with ECharts, on page load and after each htmx swap. Instances are keyed
// by element id, so a chart swapped in by htmx replaces the old one instead
// of colliding with it, and charts removed from the page are disposed.
(function () {
  "use strict";

  // charts maps an element id to {el, chart, observer}.
  var charts = new Map();

  // withToolbox adds a "save as image" button to options that lack a
  // toolbox, so every chart can be downloaded.
  function withToolbox(opts) {
    if (!opts || typeof opts !== "object") {
      return {};
    }
    if (!opts.toolbox) {
      opts.toolbox = { feature: { saveAsImage: {} } };
    }
    return opts;
  }

  // readOptions parses a chart's JSON options; bad JSON gives null.
  function readOptions(el) {
    var id = el.getAttribute("data-chart-options-id");
    var script = id ? document.getElementById(id) : null;
    if (!script) {
      return null;
    }
    try {
      return JSON.parse(script.textContent || "{}");
    } catch (err) {
      if (window.console) {
        window.console.warn("chart " + el.id + ": bad options JSON", err);
      }
      return null;
    }
  }

  function dispose(id) {
    var entry = charts.get(id);
    if (!entry) {
      return;
    }
    if (entry.observer) {
      entry.observer.disconnect();
    }
    if (!entry.chart.isDisposed()) {
      entry.chart.dispose();
    }
    charts.delete(id);
  }

  // sweep disposes charts whose element left the page or was replaced.
  function sweep() {
    Array.from(charts.keys()).forEach(function (id) {
      var entry = charts.get(id);
      if (!document.body.contains(entry.el) || document.getElementById(id) !== entry.el) {
        dispose(id);
      }
    });
  }

  function initChart(el) {
    if (!el.id) {
      return;
    }
    var entry = charts.get(el.id);
    if (entry && entry.el === el) {
      return; // already drawn: never init twice
    }
    if (entry) {
      dispose(el.id); // same id, new element (htmx swap)
    }
    var opts = readOptions(el);
    if (opts === null) {
      return;
    }
    var height = parseInt(el.getAttribute("data-height"), 10);
    if (height > 0) {
      el.style.height = height + "px";
    }
    var existing = window.echarts.getInstanceByDom(el);
    if (existing) {
      existing.dispose();
    }
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(withToolbox(opts));
    var observer = null;
    if (typeof ResizeObserver === "function") {
      observer = new ResizeObserver(function () {
        if (!chart.isDisposed()) {
          chart.resize();
        }
      });
      observer.observe(el);
    }
    charts.set(el.id, { el: el, chart: chart, observer: observer });
  }

  function initAll(root) {
    if (!window.echarts) {
      return; // page without charts: ECharts is not loaded
    }
    sweep();
    var scope = root && root.querySelectorAll ? root : document;
    var els = Array.prototype.slice.call(scope.querySelectorAll(".chart[data-chart-options-id]"));
    if (scope.matches && scope.matches(".chart[data-chart-options-id]")) {
      els.push(scope);
    }
    els.forEach(initChart);
  }

  document.addEventListener("DOMContentLoaded", function () { initAll(document); });
  document.addEventListener("htmx:afterSettle", function (evt) { initAll(evt.target); });
  // Dispose a chart before htmx removes its element.
  document.addEventListener("htmx:beforeCleanupElement", function (evt) {
    var el = evt.target;
    if (el && el.id && charts.has(el.id) && charts.get(el.id).el === el) {
      dispose(el.id);
    }
  });
})();
