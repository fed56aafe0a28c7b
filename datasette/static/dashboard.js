// Dashboard charts: Vega-Lite specs over the counts embedded in the page
// (site, month, articles), aggregated here by month, province or site.
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    var source = document.getElementById("dashboard-data");
    if (!source || typeof vegaEmbed === "undefined") return;
    var data = JSON.parse(source.textContent);
    var siteById = {};
    data.sites.forEach(function (s) { siteById[s.id] = s; });
    var rows = data.counts.map(function (c) {
      var site = siteById[c[0]] || { name: c[0], province: "?" };
      return {
        site_id: c[0],
        site: site.name || c[0],
        province: site.province || "?",
        month: c[1] + "-01",
        articles: c[2],
      };
    });
    var options = { actions: false, renderer: "svg" };
    var monthAxis = { field: "month", timeUnit: "utcyearmonth", type: "temporal", title: null };

    function monthly(filtered) {
      return {
        $schema: "https://vega.github.io/schema/vega-lite/v5.json",
        width: "container",
        height: 220,
        data: { values: filtered },
        mark: { type: "bar", color: "#2b6cb0" },
        encoding: {
          x: monthAxis,
          y: { aggregate: "sum", field: "articles", type: "quantitative", title: "Bài / articles" },
          tooltip: [
            { field: "month", timeUnit: "utcyearmonth", type: "temporal", title: "Tháng / month" },
            { aggregate: "sum", field: "articles", type: "quantitative", title: "Bài / articles" },
          ],
        },
      };
    }

    function heatmap(field, title) {
      return {
        $schema: "https://vega.github.io/schema/vega-lite/v5.json",
        width: "container",
        data: { values: rows },
        mark: "rect",
        encoding: {
          x: monthAxis,
          y: { field: field, type: "nominal", title: null, sort: "ascending" },
          color: {
            aggregate: "sum", field: "articles", type: "quantitative",
            title: "Bài / articles", scale: { scheme: "blues" },
          },
          tooltip: [
            { field: field, type: "nominal", title: title },
            { field: "month", timeUnit: "utcyearmonth", type: "temporal", title: "Tháng / month" },
            { aggregate: "sum", field: "articles", type: "quantitative", title: "Bài / articles" },
          ],
        },
        config: { axis: { labelLimit: 260 } },
      };
    }

    var province = document.getElementById("filter-province");
    var site = document.getElementById("filter-site");
    function drawMonthly() {
      var filtered = rows.filter(function (r) {
        return (!province.value || r.province === province.value) &&
          (!site.value || r.site_id === site.value);
      });
      vegaEmbed("#chart-months", monthly(filtered), options);
    }
    province.addEventListener("change", function () { site.value = ""; drawMonthly(); });
    site.addEventListener("change", function () { province.value = ""; drawMonthly(); });
    drawMonthly();
    vegaEmbed("#chart-provinces", heatmap("province", "Tỉnh / province"), options);
    vegaEmbed("#chart-sites", heatmap("site", "Trường / site"), options);
  });
})();
