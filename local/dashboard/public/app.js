// The local dashboard's page: draws what the dashboard's JSON API answers, nothing more.
// Views: overview (the monitoring definition's widgets), executions, one execution, failures.
'use strict';

const view = document.getElementById('view');
const windowSelect = document.getElementById('window');
const liveBox = document.getElementById('live');
const updated = document.getElementById('updated');
const charts = new Map();
let renderSerial = 0;
let mermaidSerial = 0;

mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', flowchart: { htmlLabels: false, curve: 'basis' } });

const esc = (value) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const fmtInt = (n) => (n === null || n === undefined ? '–' : Math.round(n).toLocaleString('en-US'));
const fmtMs = (n) => (n === null || n === undefined ? '–' : n >= 10000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);
const fmtPct = (n) => (n === null || n === undefined ? '–' : `${n.toFixed(1)}%`);
const fmtTime = (iso) => (iso ? new Date(iso).toLocaleTimeString('en-GB', { hour12: false }) : '');
const fmtDateTime = (iso) => (iso ? new Date(iso).toISOString().replace('T', ' ').replace('Z', '') : '');
const shortArn = (arn) => arn.split(':').slice(-1)[0];
const execLink = (arn, text) => `<a href="#/execution/${encodeURIComponent(arn)}">${esc(text ?? shortArn(arn))}</a>`;
const badge = (s) => `<span class="badge ${esc(s)}">${esc(s)}</span>`;
const pretty = (json) => {
  if (json === undefined || json === null) return '';
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return String(json);
  }
};

async function getJson(path) {
  const res = await fetch(path, { cache: 'no-store' });
  const body = await res.json();
  if (!res.ok) throw new Error(body.message || `HTTP ${res.status}`);
  return body;
}

const windowParams = () => `since=${encodeURIComponent(windowSelect.value)}`;

function route() {
  const hash = location.hash || '#/overview';
  const [path, query = ''] = hash.slice(1).split('?');
  const parts = path.split('/').filter(Boolean);
  return { name: parts[0] || 'overview', arg: parts[1] ? decodeURIComponent(parts[1]) : undefined, params: new URLSearchParams(query) };
}

function destroyCharts() {
  for (const chart of charts.values()) chart.destroy();
  charts.clear();
}

async function render(isRefresh) {
  const serial = ++renderSerial;
  const r = route();
  for (const a of document.querySelectorAll('nav a')) {
    a.classList.toggle('active', a.dataset.view === r.name || (r.name === 'execution' && a.dataset.view === 'executions'));
  }
  try {
    if (r.name === 'execution') await renderExecution(r.arg, isRefresh, serial);
    else if (r.name === 'executions') await renderExecutions(r.params, isRefresh, serial);
    else if (r.name === 'failures') await renderFailures(isRefresh, serial);
    else await renderOverview(isRefresh, serial);
    updated.textContent = `updated ${new Date().toLocaleTimeString('en-GB', { hour12: false })}`;
  } catch (error) {
    if (serial === renderSerial) view.innerHTML = `<p class="error">Could not load: ${esc(error.message)}</p>`;
  }
}

// ---- Overview -------------------------------------------------------------------------------

function statCard(id, label, value) {
  return `<div class="card stat"><div class="value" data-stat="${id}">${esc(value)}</div><div class="label">${esc(label)}</div></div>`;
}

function markdown(md) {
  return md
    .split('\n')
    .map((line) => {
      const h = /^(#{1,4})\s+(.*)$/.exec(line);
      return h ? `<h2>${esc(h[2])}</h2>` : line.trim() ? `<p>${esc(line)}</p>` : '';
    })
    .join('');
}

const PALETTE = ['#1a73e8', '#1e8e3e', '#d93025', '#f9ab00', '#9334e6', '#12b5cb', '#e8710a', '#5f6368'];

function widgetHtml(w, i) {
  const style = `grid-column: span ${w.width}`;
  if (w.kind === 'text') return `<div class="widget text" style="${style}">${markdown(w.markdown)}</div>`;
  const head = `<h3>${esc(w.title)}${w.unit ? ` <span class="muted">(${esc(w.unit)})</span>` : ''}</h3>`;
  const attrs = `class="widget card" style="${style}" data-widget="${i}" data-widget-title="${esc(w.title)}" data-view="${esc(w.view)}"`;
  if (w.view === 'singleValue') {
    const values = w.series
      .map((s) => `<div><div class="value" data-series="${esc(s.label)}">${w.unit === '%' ? fmtPct(s.total) : fmtInt(s.total)}</div><div class="muted">${esc(s.label)}</div></div>`)
      .join('');
    return `<div ${attrs}>${head}<div class="single">${values || '<span class="note">No data</span>'}</div></div>`;
  }
  const note = w.note || w.series.length === 0 ? `<div class="note">${esc(w.note ?? 'No data in this window.')}</div>` : '';
  return `<div ${attrs}>${head}${note}<div class="chart"><canvas id="chart-${i}"></canvas></div></div>`;
}

function seriesLabel(w, s) {
  if (s.total === null) return s.label;
  const total = w.unit === 'Milliseconds' ? fmtMs(s.total) : fmtInt(s.total);
  return `${s.label} (${total})`;
}

function drawChart(w, i, labels) {
  const datasets = w.series.map((s, k) => ({
    label: seriesLabel(w, s),
    data: s.values,
    borderColor: PALETTE[k % PALETTE.length],
    backgroundColor: PALETTE[k % PALETTE.length],
    borderWidth: 2,
    // Counts have a value in every bucket; other statistics only where there were datapoints.
    pointRadius: s.values.some((v) => v === null) ? 3 : 0,
    pointHoverRadius: 4,
    // Monotone curves never dip below zero between two counts.
    cubicInterpolationMode: 'monotone',
  }));
  const existing = charts.get(i);
  if (existing && existing.data.datasets.length === datasets.length) {
    existing.data.labels = labels;
    existing.data.datasets.forEach((d, k) => Object.assign(d, { label: datasets[k].label, data: datasets[k].data }));
    existing.update('none');
    return;
  }
  if (existing) existing.destroy();
  const canvas = document.getElementById(`chart-${i}`);
  if (!canvas) return;
  charts.set(
    i,
    new Chart(canvas, {
      type: 'line',
      data: { labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxTicksLimit: 8, autoSkip: true } } },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 10, font: { size: 11 } } } },
      },
    }),
  );
}

async function renderOverview(isRefresh, serial) {
  const [metrics, overview] = await Promise.all([getJson(`/metrics?${windowParams()}`), getJson(`/dashboard/api/overview?${windowParams()}`)]);
  if (serial !== renderSerial) return;
  document.getElementById('title').textContent = overview.title;
  const e = metrics.executions;
  const stats = [
    statCard('started', 'Started', fmtInt(e.started)),
    statCard('succeeded', 'Succeeded', fmtInt(e.succeeded)),
    statCard('failed', 'Failed', fmtInt(e.failed)),
    statCard('running', 'Running', fmtInt(e.running)),
    statCard('successRate', 'Success rate', fmtPct(e.successRate)),
    statCard('p50', 'Duration p50', fmtMs(metrics.durationMs.p50)),
    statCard('p90', 'Duration p90', fmtMs(metrics.durationMs.p90)),
    statCard('p99', 'Duration p99', fmtMs(metrics.durationMs.p99)),
    statCard('retries', 'Retries', fmtInt(metrics.retries)),
  ].join('');
  const states = metrics.states
    .map(
      (s) =>
        `<tr><td>${esc(s.state)}</td><td class="num">${fmtInt(s.entered)}</td><td class="num">${fmtMs(s.durationMs.p50)}</td><td class="num">${fmtMs(s.durationMs.p90)}</td><td class="num">${fmtMs(s.durationMs.p99)}</td><td class="num">${fmtInt(s.retries)}</td><td class="num">${fmtInt(s.errors)}</td></tr>`,
    )
    .join('');
  const structure = JSON.stringify(overview.widgets.map((w) => [w.kind, w.title, w.series ? w.series.length : 0]));
  const sameLayout = isRefresh && view.dataset.structure === structure && view.dataset.page === 'overview';
  const statesHtml = `<h2>States</h2><table id="state-metrics"><thead><tr><th>State</th><th class="num">Entered</th><th class="num">p50</th><th class="num">p90</th><th class="num">p99</th><th class="num">Retries</th><th class="num">Errors</th></tr></thead><tbody>${states || '<tr><td colspan="7" class="empty">No states entered in this window.</td></tr>'}</tbody></table>`;
  if (!sameLayout) {
    destroyCharts();
    view.dataset.page = 'overview';
    view.dataset.structure = structure;
    view.innerHTML = `<div class="stats" id="stats">${stats}</div><div class="grid" id="widgets">${overview.widgets.map(widgetHtml).join('')}</div><div id="states">${statesHtml}</div>`;
  } else {
    document.getElementById('stats').innerHTML = stats;
    document.getElementById('states').innerHTML = statesHtml;
    overview.widgets.forEach((w, i) => {
      if (w.kind === 'graph' && w.view === 'singleValue') {
        const el = view.querySelector(`[data-widget="${i}"]`);
        if (el) el.outerHTML = widgetHtml(w, i);
      }
    });
  }
  const labels = overview.buckets.map((t) => fmtTime(new Date(t).toISOString()));
  overview.widgets.forEach((w, i) => {
    if (w.kind === 'graph' && w.view === 'timeSeries') drawChart(w, i, labels);
  });
}

// ---- Executions -----------------------------------------------------------------------------

function executionRows(rows) {
  return rows
    .map(
      (x) =>
        `<tr data-arn="${esc(x.executionArn)}"><td>${execLink(x.executionArn, x.name)}</td><td>${badge(x.status)}</td><td>${esc(fmtDateTime(x.startDate))}</td><td class="num">${fmtMs(x.durationMs)}</td><td>${esc(x.error ?? '')}</td></tr>`,
    )
    .join('');
}

async function renderExecutions(params, isRefresh, serial) {
  const status = params.get('status') ?? '';
  const error = params.get('error') ?? '';
  const inWindow = params.get('inWindow') === '1';
  const q = new URLSearchParams({ limit: '300' });
  if (status) q.set('status', status);
  if (error) q.set('error', error);
  if (inWindow) q.set('since', windowSelect.value);
  const data = await getJson(`/dashboard/api/executions?${q}`);
  if (serial !== renderSerial) return;
  destroyCharts();
  const body = `<tbody>${executionRows(data.executions) || '<tr><td colspan="5" class="empty">No executions match.</td></tr>'}</tbody>`;
  if (isRefresh && view.dataset.page === 'executions') {
    view.querySelector('#executions-table tbody').outerHTML = body;
    view.querySelector('#executions-count').textContent = `${data.total} executions`;
    return;
  }
  view.dataset.page = 'executions';
  const options = ['', 'RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']
    .map((s) => `<option value="${s}" ${s === status ? 'selected' : ''}>${s || 'any'}</option>`)
    .join('');
  view.innerHTML = `
    <form class="filters" id="filters">
      <label>Status<select name="status">${options}</select></label>
      <label>Error contains<input name="error" value="${esc(error)}" placeholder="e.g. PaymentDeclined"></label>
      <label><span><input type="checkbox" name="inWindow" value="1" ${inWindow ? 'checked' : ''}> started in window</span></label>
      <button type="submit">Filter</button>
      <span class="muted" id="executions-count">${data.total} executions</span>
    </form>
    <table id="executions-table"><thead><tr><th>Execution</th><th>Status</th><th>Started (UTC)</th><th class="num">Duration</th><th>Error</th></tr></thead>${body}</table>`;
  document.getElementById('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const form = new FormData(ev.target);
    const next = new URLSearchParams();
    for (const [k, v] of form.entries()) if (v) next.set(k, v);
    location.hash = `#/executions?${next}`;
  });
}

// ---- One execution --------------------------------------------------------------------------

const OUTCOMES = ['succeeded', 'retried', 'caught', 'failed', 'running', 'cancelled', 'notReached'];

function failureHtml(f) {
  if (!f || !f.failurePoint) {
    return f ? `<div class="card failure" id="failure"><h3>Failure</h3><dl><dt>Error</dt><dd data-field="error">${esc(f.error)}</dd><dt>Cause</dt><dd><pre data-field="cause">${esc(f.cause)}</pre></dd></dl></div>` : '';
  }
  const p = f.failurePoint;
  const attempts = f.attempts
    .map((a, i) => `<li>attempt ${i + 1}: ${badge(a.outcome)} ${esc(a.error ?? '')} <span class="muted">${esc(fmtTime(a.scheduledAt))}</span></li>`)
    .join('');
  const after = f.after.map((s) => `<li>${esc(s.state)} ${badge(s.outcome)}</li>`).join('');
  return `<div class="card failure" id="failure">
    <h3>Why it failed</h3>
    <dl>
      <dt>Failed state</dt><dd data-field="failedState">${esc(p.state)} <span class="muted">(${esc(p.type)}, ${esc(p.kind)})</span></dd>
      <dt>Error</dt><dd data-field="error">${esc(p.error ?? f.error)}</dd>
      <dt>Cause</dt><dd><pre data-field="cause">${esc(pretty(p.cause ?? f.cause))}</pre></dd>
      <dt>Execution error</dt><dd data-field="executionError">${esc(f.error)}</dd>
      <dt>Input it received</dt><dd><pre data-field="input">${esc(pretty(p.input))}</pre></dd>
      <dt>Attempts (${esc(f.retries)} retries)</dt><dd><ul data-field="attempts">${attempts || '<li class="muted">not a task</li>'}</ul></dd>
      <dt>What ran after (compensation)</dt><dd><ol data-field="after">${after || '<li class="muted">nothing</li>'}</ol></dd>
    </dl></div>`;
}

function timelineHtml(entries) {
  if (entries.length === 0) return '<p class="empty">No states entered.</p>';
  const start = Math.min(...entries.map((e) => Date.parse(e.enteredAt)));
  const end = Math.max(...entries.map((e) => Date.parse(e.endedAt)));
  const span = Math.max(1, end - start);
  return entries
    .map((e) => {
      const left = ((Date.parse(e.enteredAt) - start) / span) * 100;
      const width = Math.max(0.4, ((Date.parse(e.endedAt) - Date.parse(e.enteredAt)) / span) * 100);
      const retries = e.retries ? ` · ${e.retries} retries` : '';
      return `<div class="row" title="${esc(e.outcome)}${esc(e.error ? ` · ${e.error}` : '')}"><div style="padding-left:${e.depth * 14}px">${esc(e.name)}</div><div class="track"><div class="bar ${esc(e.outcome)}" style="left:${left}%;width:${Math.min(width, 100 - left)}%"></div></div><div class="muted">${fmtMs(e.durationMs)}${retries}</div></div>`;
    })
    .join('');
}

function logsHtml(invocations) {
  if (invocations.length === 0) return '<p class="empty">No invocation logs recorded.</p>';
  return invocations
    .map(
      (inv) =>
        `<details><summary>${esc(inv.stateName ?? '')} → ${esc(inv.functionName)} ${inv.functionError ? badge('failed') : ''} <span class="muted">${fmtMs(inv.durationMs)} · ${esc(inv.requestId)}</span></summary><pre>${esc(inv.lines.map((l) => l.text).join('\n'))}</pre></details>`,
    )
    .join('');
}

async function renderExecution(arn, isRefresh, serial) {
  if (isRefresh && view.dataset.status && view.dataset.status !== 'RUNNING') return;
  const d = await getJson(`/dashboard/api/executions/${encodeURIComponent(arn)}`);
  if (serial !== renderSerial) return;
  destroyCharts();
  const x = d.execution;
  view.dataset.page = 'execution';
  view.dataset.status = x.status;
  const states = d.states
    .map((s) => `<tr data-state="${esc(s.name)}"><td>${esc(s.name)}</td><td>${badge(s.outcome)}</td><td class="num">${s.visits}</td><td class="num">${s.retries}</td><td class="num">${fmtMs(s.durationMs)}</td><td>${esc(s.error ?? '')}</td></tr>`)
    .join('');
  view.innerHTML = `
    <p><a href="#/executions">← executions</a> · <a href="#/failures">failures</a></p>
    <div class="card"><h2 style="margin-top:0">${esc(x.name)} ${badge(x.status)}</h2>
      <div class="muted">${esc(x.executionArn)}</div>
      <div>Started ${esc(fmtDateTime(x.startDate))} · ${x.stopDate ? `stopped ${esc(fmtDateTime(x.stopDate))} · ${fmtMs(x.durationMs)}` : 'running'}</div>
    </div>
    ${d.failure ? `<h2>Error analysis</h2>${failureHtml(d.failure)}` : ''}
    <h2>Workflow</h2><div class="legend">${OUTCOMES.map(badge).join('')}</div><div class="card graph" id="graph">${d.mermaid ? '' : '<p class="empty">No definition.</p>'}</div>
    <div class="two">
      <div><h2>Timeline</h2><div class="card timeline" id="timeline">${timelineHtml(d.timeline)}</div></div>
      <div><h2>States</h2><table id="states-table"><thead><tr><th>State</th><th>Outcome</th><th class="num">Visits</th><th class="num">Retries</th><th class="num">Time</th><th>Error</th></tr></thead><tbody>${states}</tbody></table></div>
    </div>
    <h2>Task invocations</h2><div class="card" id="logs">${logsHtml(d.invocations)}</div>
    <div class="two"><div><h2>Input</h2><pre>${esc(pretty(x.input))}</pre></div><div><h2>Output</h2><pre>${x.output === undefined ? '<span class="muted">none</span>' : esc(pretty(x.output))}</pre></div></div>`;
  if (d.mermaid) {
    const { svg } = await mermaid.render(`graph-${++mermaidSerial}`, d.mermaid);
    if (serial === renderSerial) document.getElementById('graph').innerHTML = svg;
  }
}

// ---- Failures -------------------------------------------------------------------------------

async function renderFailures(isRefresh, serial) {
  const data = await getJson(`/dashboard/api/failures?${windowParams()}`);
  if (serial !== renderSerial) return;
  destroyCharts();
  view.dataset.page = 'failures';
  const patterns = data.errors
    .map(
      (p) =>
        `<tr><td>${esc(p.state)}</td><td>${esc(p.error)}</td><td class="num">${p.count}</td><td class="num">${p.executions}</td><td>${execLink(p.latest.executionArn)} <span class="muted">${esc(fmtTime(p.latest.timestamp))}</span><div class="muted">${esc((p.latest.cause ?? '').slice(0, 160))}</div></td></tr>`,
    )
    .join('');
  const rows = data.executions
    .map(
      (x) =>
        `<tr data-arn="${esc(x.executionArn)}"><td>${execLink(x.executionArn, x.name)}</td><td>${badge(x.status)}</td><td>${esc(x.failedState ?? '')}</td><td>${esc(x.stateError ?? x.error ?? '')}</td><td class="num">${x.retries}</td><td>${esc(fmtDateTime(x.stopDate))}</td></tr>`,
    )
    .join('');
  view.innerHTML = `
    <h2>Error patterns</h2>
    <table id="error-patterns"><thead><tr><th>State</th><th>Error</th><th class="num">Count</th><th class="num">Executions</th><th>Latest example</th></tr></thead><tbody>${patterns || '<tr><td colspan="5" class="empty">No errors in this window.</td></tr>'}</tbody></table>
    <h2>Failed executions <span class="muted">${data.total}</span></h2>
    <table id="failed-executions"><thead><tr><th>Execution</th><th>Status</th><th>Failed state</th><th>Error</th><th class="num">Retries</th><th>Stopped (UTC)</th></tr></thead><tbody>${rows || '<tr><td colspan="6" class="empty">No failed executions in this window.</td></tr>'}</tbody></table>`;
}

// ---- Wiring ---------------------------------------------------------------------------------

window.addEventListener('hashchange', () => {
  view.dataset.page = '';
  view.dataset.status = '';
  render(false);
});
windowSelect.addEventListener('change', () => {
  view.dataset.page = '';
  render(false);
});
// Live: refresh two seconds after the previous refresh ended, so a slow server is never flooded.
async function poll() {
  if (liveBox.checked && !document.hidden) await render(true);
  setTimeout(poll, 2000);
}
render(false).then(() => setTimeout(poll, 2000));
