/*
 * plantrack — the one static script of every page. Pages carry no inline
 * script, so a Content-Security-Policy of script-src 'self' holds.
 *
 * Convention (written by charts.Chart.HTML in the Go package charts):
 *
 *   <div class="chart" id="ID" data-height="360" role="img" aria-label="…"></div>
 *   <script type="application/json" class="echarts-data" data-chart-id="ID"
 *           data-value-suffix="%">{ …ECharts option… }</script>
 *
 * For every such data block this script parses the JSON (never evaluates
 * it), sizes the element with the same id from data-height (pixels), and
 * initialises ECharts (window.echarts, from /assets/echarts.min.js, which
 * must be loaded before this file) with the option. Charts resize with the
 * window.
 *
 * - Animation is off when <html> or <body> has data-chart-animation="off",
 *   when the URL has ?animation=off, or when the user prefers reduced
 *   motion (tests, screenshots and printing rely on this).
 * - Tooltips are drawn on the canvas (renderMode "richText"): ECharts' HTML
 *   tooltip needs inline style attributes, which the CSP forbids.
 * - Numbers on value axes and in tooltips are formatted for the page's
 *   language (<html lang="vi"> → 63.135,5; lang="en" → 63,135.5) unless the
 *   option already sets a formatter; data-value-suffix is appended in
 *   tooltips.
 * - Each initialised element gets data-chart-ready="1"; a block that fails
 *   gets data-chart-error on its element and a console error naming the id.
 * - Before printing, charts are resized to the printed width.
 *
 * Header menu: on narrow screens the stylesheet folds the header's menu
 * (#site-menu) behind the "Menu" button (.menu-toggle, hidden until this
 * script shows it, so without script the menu simply stays open). The
 * button toggles .menu-open on the header and its aria-expanded.
 *
 * Print buttons: a <button data-print> prints the page.
 */
(function () {
  "use strict";

  function animationOff() {
    var root = document.documentElement;
    if (root.getAttribute("data-chart-animation") === "off") return true;
    if (document.body && document.body.getAttribute("data-chart-animation") === "off") return true;
    if (/[?&]animation=off(&|$)/.test(window.location.search)) return true;
    return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  function numberFormat() {
    var lang = (document.documentElement.lang || "vi").toLowerCase();
    var locale = lang.indexOf("en") === 0 ? "en-US" : "vi-VN";
    var fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    return function (v) {
      return typeof v === "number" && isFinite(v) ? fmt.format(v) : v;
    };
  }

  function asList(x) {
    if (!x) return [];
    return Array.isArray(x) ? x : [x];
  }

  // localise installs number formatters where the option has none.
  function localise(option, format, suffix) {
    asList(option.xAxis).concat(asList(option.yAxis)).forEach(function (ax) {
      if (ax.type !== "value") return;
      ax.axisLabel = ax.axisLabel || {};
      if (!ax.axisLabel.formatter) {
        ax.axisLabel.formatter = function (v) { return format(v); };
      }
    });
    var tip = option.tooltip || (option.tooltip = {});
    // ECharts' HTML tooltip writes style attributes, which a CSP of
    // style-src 'self' blocks; the rich-text tooltip is drawn on the canvas.
    if (!tip.renderMode) tip.renderMode = "richText";
    if (!tip.valueFormatter && !tip.formatter) {
      tip.valueFormatter = function (v) {
        if (v === "-" || v === null || v === undefined) return "–";
        return format(v) + (suffix || "");
      };
    }
  }

  function initChart(block, opts) {
    var id = block.getAttribute("data-chart-id");
    var el = id && document.getElementById(id);
    if (!el) {
      console.error("plantrack: no element for chart data block " + id);
      return null;
    }
    try {
      var option = JSON.parse(block.textContent);
      var h = parseInt(el.getAttribute("data-height"), 10);
      if (h > 0) el.style.height = h + "px";
      if (opts.noAnimation) option.animation = false;
      asList(option.series).forEach(function (s) {
        if (opts.noAnimation) s.animation = false;
      });
      localise(option, opts.format, block.getAttribute("data-value-suffix"));
      var chart = window.echarts.init(el, null, { renderer: "canvas" });
      chart.setOption(option);
      el.setAttribute("data-chart-ready", "1");
      return chart;
    } catch (err) {
      el.setAttribute("data-chart-error", String(err && err.message || err));
      console.error("plantrack: chart " + id + " failed: " + err);
      return null;
    }
  }

  function start() {
    var blocks = document.querySelectorAll('script[type="application/json"].echarts-data');
    if (!blocks.length) return;
    if (!window.echarts) {
      console.error("plantrack: ECharts is not loaded; include /assets/echarts.min.js before /assets/app.js");
      return;
    }
    var opts = { noAnimation: animationOff(), format: numberFormat() };
    var charts = [];
    Array.prototype.forEach.call(blocks, function (block) {
      var c = initChart(block, opts);
      if (c) charts.push(c);
    });
    var pending = 0;
    function resizeAll() {
      pending = 0;
      charts.forEach(function (c) { c.resize(); });
    }
    window.addEventListener("resize", function () {
      if (!pending) pending = window.setTimeout(resizeAll, 100);
    });
    window.addEventListener("beforeprint", resizeAll);
    window.plantrackCharts = charts; // for browser tests and debugging
  }

  function menu() {
    var header = document.querySelector(".site-header");
    var button = header && header.querySelector(".menu-toggle");
    if (!button) return;
    header.classList.add("menu-collapsible");
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = header.classList.toggle("menu-open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  function printButtons() {
    document.querySelectorAll("button[data-print]").forEach(function (b) {
      b.addEventListener("click", function () { window.print(); });
    });
  }

  function ready() {
    menu();
    printButtons();
    start();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
