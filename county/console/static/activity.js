/* The 活动 page's charts: drawn by the vendored ECharts from the JSON the page embeds
   (#activity-data). The same figures are in the tables under each chart, so a browser
   without scripts, a screen reader or a printout loses nothing. */
(function () {
  "use strict";
  var source = document.getElementById("activity-data");
  if (!source || typeof echarts === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var charts = [];
  var base = {
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 36, bottom: 40, containLabel: true }
  };

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var chart = echarts.init(element, null, { renderer: "canvas" });
    chart.setOption(Object.assign({}, base, option));
    charts.push(chart);
  }

  function series(type, name, values, extra) {
    return Object.assign({ type: type, name: name, data: values }, extra || {});
  }

  var days = data.days;
  draw("chart-days", {
    xAxis: { type: "category", data: days.labels, axisLabel: { hideOverlap: true } },
    yAxis: { type: "value", name: "件", minInterval: 1 },
    dataZoom: days.labels.length > 62 ? [{ type: "inside" }, { type: "slider" }] : [],
    series: [
      series("line", "到件", days.checked_in, { smooth: false }),
      series("line", "取件", days.picked_up),
      series("line", "退件", days.returned),
      series("line", "寄件", days.shipped)
    ]
  });

  var stations = data.stations;
  var stacked = { stack: "parcels" };
  draw("chart-stations", {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", name: "件", minInterval: 1 },
    yAxis: { type: "category", data: stations.labels.slice().reverse(), axisLabel: { width: 160, overflow: "truncate" } },
    series: [
      series("bar", "到件", stations.checked_in.slice().reverse(), stacked),
      series("bar", "取件", stations.picked_up.slice().reverse(), stacked),
      series("bar", "退件", stations.returned.slice().reverse(), stacked),
      series("bar", "寄件", stations.shipped.slice().reverse(), stacked)
    ]
  });

  var produce = data.produce;
  draw("chart-produce", {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "category", data: produce.labels, axisLabel: { interval: 0, rotate: produce.labels.length > 6 ? 30 : 0 } },
    yAxis: [
      { type: "value", name: "千克" },
      { type: "value", name: "元", splitLine: { show: false } }
    ],
    series: [
      series("bar", "净重（千克）", produce.kg),
      series("bar", "金额（元）", produce.yuan, { yAxisIndex: 1 })
    ]
  });

  window.addEventListener("resize", function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
  window.addEventListener("beforeprint", function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
