// Renders the Grafana dashboard JSON into a PNG from a live Prometheus: the same panels, layout
// (gridPos), queries, legends, units, value mappings and thresholds, drawn with Chart.js in
// headless Chromium. Grafana itself is not needed (nor available on every build machine).
//
//   node render.mjs <dashboard.json> <prometheus-url> <start-epoch> <end-epoch> <out.png>
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [dashboardPath, prometheus, start, end, out] = process.argv.slice(2);
const dashboard = JSON.parse(readFileSync(dashboardPath, "utf8"));
const step = Math.max(5, Math.round((end - start) / 240));

// Grafana's variables, resolved as "All instances" with a rate window of a few scrapes.
const resolve = (expr) =>
  expr.replaceAll("$__rate_interval", "30s").replaceAll("$instance", ".*");

async function query(expr) {
  const url = new URL("/api/v1/query_range", prometheus);
  url.search = new URLSearchParams({ query: resolve(expr), start, end, step }).toString();
  const answer = await (await fetch(url)).json();
  if (answer.status !== "success") throw new Error(`${expr}: ${answer.error}`);
  return answer.data.result;
}

function legend(format, labels) {
  if (!format || format === "__auto") {
    return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(" ") || "value";
  }
  return format.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => labels[name] ?? "");
}

const panels = [];
for (const panel of dashboard.panels) {
  const series = [];
  for (const target of panel.targets ?? []) {
    for (const result of await query(target.expr)) {
      series.push({
        label: legend(target.legendFormat, result.metric),
        points: result.values.map(([t, v]) => ({ x: t * 1000, y: Number(v) })),
      });
    }
  }
  panels.push({
    type: panel.type,
    title: panel.title,
    grid: panel.gridPos,
    unit: panel.fieldConfig?.defaults?.unit ?? "none",
    mappings: panel.fieldConfig?.defaults?.mappings ?? [],
    thresholds: panel.fieldConfig?.defaults?.thresholds?.steps ?? [],
    series,
  });
}

// The UMD bundle (a global Chart for the page) is not in the package's exports map.
const chartJs = new URL("./node_modules/chart.js/dist/chart.umd.js", import.meta.url).pathname;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.setContent(`<!doctype html><html><head><style>
    body { margin: 0; padding: 12px; background: #111217; color: #ccccdc;
           font: 13px Inter, "DejaVu Sans", sans-serif; }
    h1 { font-size: 18px; font-weight: 500; margin: 0 0 10px 4px; }
    #grid { display: grid; grid-template-columns: repeat(24, 1fr); grid-auto-rows: 30px; gap: 8px; }
    .panel { background: #181b1f; border: 1px solid #2c3235; border-radius: 3px; padding: 6px 8px;
             display: flex; flex-direction: column; min-width: 0; }
    .row { align-self: end; font-size: 15px; font-weight: 500; padding-left: 4px; }
    .title { font-weight: 500; margin-bottom: 4px; white-space: nowrap; overflow: hidden; }
    .stat { flex: 1; display: flex; align-items: center; justify-content: center;
            font-size: 30px; font-weight: 500; }
    .chart { flex: 1; position: relative; min-height: 0; }
  </style></head><body><h1></h1><div id="grid"></div></body></html>`);
  await page.addScriptTag({ path: chartJs });
  await page.evaluate(
    ({ title, panels }) => {
      document.querySelector("h1").textContent = title;
      const palette = ["#73bf69", "#f2cc0c", "#8ab8ff", "#ff780a", "#f2495c", "#5794f2",
                       "#b877d9", "#fade2a", "#37872d", "#c4162a"];
      const format = (unit, v) => {
        if (v == null || Number.isNaN(v)) return "No data";
        switch (unit) {
          case "percentunit": return `${(v * 100).toFixed(v < 0.01 ? 2 : 1)}%`;
          case "s": return v < 1 ? `${(v * 1000).toFixed(v < 0.01 ? 2 : 0)} ms` : `${v.toFixed(2)} s`;
          case "bytes": return `${(v / 1048576).toFixed(0)} MiB`;
          case "reqps": return `${v.toFixed(v < 10 ? 2 : 0)} req/s`;
          default: return Number.isInteger(v) ? `${v}` : v.toFixed(2);
        }
      };
      const grid = document.getElementById("grid");
      for (const p of panels) {
        const box = document.createElement("div");
        box.style.gridColumn = `${p.grid.x + 1} / span ${p.grid.w}`;
        box.style.gridRow = `${p.grid.y + 1} / span ${p.grid.h}`;
        grid.appendChild(box);
        if (p.type === "row") {
          box.className = "row";
          box.textContent = p.title;
          continue;
        }
        box.className = "panel";
        box.innerHTML = `<div class="title"></div>`;
        box.firstChild.textContent = p.title;
        if (p.type === "stat") {
          const last = p.series[0]?.points.at(-1)?.y;
          let text = format(p.unit, last);
          let color = "#73bf69";
          for (const step of p.thresholds) if (step.value == null || last >= step.value) color = step.color;
          for (const m of p.mappings) {
            const hit = m.options?.[String(last)];
            if (hit) { text = hit.text ?? text; color = hit.color ?? color; }
          }
          const stat = document.createElement("div");
          stat.className = "stat";
          stat.textContent = text;
          stat.style.color = { green: "#73bf69", red: "#f2495c", orange: "#ff9830",
                               yellow: "#fade2a" }[color] ?? color;
          box.appendChild(stat);
          continue;
        }
        const holder = document.createElement("div");
        holder.className = "chart";
        const canvas = document.createElement("canvas");
        holder.appendChild(canvas);
        box.appendChild(holder);
        new Chart(canvas, {
          type: "line",
          data: {
            datasets: p.series.map((s, i) => ({
              label: s.label, data: s.points, borderColor: palette[i % palette.length],
              backgroundColor: palette[i % palette.length], borderWidth: 1.5, pointRadius: 0,
              spanGaps: true,
            })),
          },
          options: {
            animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
            scales: {
              x: { type: "linear", ticks: { color: "#8e8e8e", maxTicksLimit: 6,
                   callback: (t) => new Date(t).toISOString().slice(11, 19) },
                   grid: { color: "#2c3235" } },
              y: { beginAtZero: true, ticks: { color: "#8e8e8e", maxTicksLimit: 5,
                   callback: (v) => format(p.unit, v) }, grid: { color: "#2c3235" } },
            },
            plugins: { legend: { position: "bottom", labels: { color: "#ccccdc", boxWidth: 10,
                       font: { size: 10 } } } },
          },
        });
      }
    },
    { title: dashboard.title, panels },
  );
  await page.setViewportSize({
    width: 1600,
    height: await page.evaluate(() => document.body.scrollHeight),
  });
  await page.screenshot({ path: out, fullPage: true });
} finally {
  await browser.close();
}
console.log(`wrote ${out}: ${panels.length} panels`);
