// Framing Lens error bars: draws the 95% intervals of grouped bar charts.
//
// A chart's options may carry "errorBars": [{series: i, data: [[x, lo, hi], ...]}],
// which ECharts ignores. Once charts.js has drawn the chart, this adds a
// custom series per entry whose renderItem draws a whisker centred on bar
// i of category x. The bar's offset is computed as ECharts lays out
// grouped bars with the default gaps (barCategoryGap 20%, barGap 30%).
(function () {
  "use strict";

  function whisker(seriesIndex, count) {
    return function (params, api) {
      var x = api.value(0);
      var lo = api.coord([x, api.value(1)]);
      var hi = api.coord([x, api.value(2)]);
      var band = api.size([1, 0])[0];
      var width = (band * 0.8) / (count + 0.3 * (count - 1));
      var centre = lo[0] - band * 0.4 + width / 2 + seriesIndex * width * 1.3;
      var cap = Math.max(2, width * 0.25);
      var style = { stroke: "#1f2937", lineWidth: 1.5 };
      return {
        type: "group",
        children: [
          { type: "line", shape: { x1: centre, y1: lo[1], x2: centre, y2: hi[1] }, style: style },
          { type: "line", shape: { x1: centre - cap, y1: lo[1], x2: centre + cap, y2: lo[1] }, style: style },
          { type: "line", shape: { x1: centre - cap, y1: hi[1], x2: centre + cap, y2: hi[1] }, style: style }
        ]
      };
    };
  }

  function decorate(el) {
    if (!window.echarts || el.getAttribute("data-errorbars-drawn") === "1") {
      return;
    }
    var chart = window.echarts.getInstanceByDom(el);
    var script = document.getElementById(el.getAttribute("data-chart-options-id") || "");
    if (!chart || !script) {
      return;
    }
    var opts;
    try {
      opts = JSON.parse(script.textContent || "{}");
    } catch (err) {
      return;
    }
    if (!Array.isArray(opts.errorBars) || !Array.isArray(opts.series)) {
      return;
    }
    var count = opts.series.length;
    var extra = opts.errorBars.map(function (eb) {
      var name = (opts.series[eb.series] || {}).name || "";
      return {
        type: "custom",
        name: name,
        renderItem: whisker(eb.series, count),
        data: eb.data,
        encode: { x: 0, y: [1, 2] },
        z: 10,
        silent: true,
        tooltip: { show: false }
      };
    });
    chart.setOption({ series: opts.series.concat(extra) });
    el.setAttribute("data-errorbars-drawn", "1");
  }

  function decorateAll() {
    document.querySelectorAll(".chart[data-chart-options-id]").forEach(decorate);
  }

  document.addEventListener("DOMContentLoaded", decorateAll);
  document.addEventListener("htmx:afterSettle", decorateAll);
})();
