// Equipment after delivery: GET /api/v1/end-use for the filters' country (or the country page's),
// programme and donor. Checks due, met and overdue and the findings by result, drawn as a chart
// and given as the same numbers in a table (per country, with the totals), and the overdue
// checks listed. Refreshed when the dashboard opens, when the filters are applied, when the
// country page changes and when the live stream brings an event (the latest events list grows).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const RESULTS = ['NOT_IN_USE', 'NOT_FOUND', 'TRANSFERRED', 'DAMAGED'];
  let chart = null;
  let timer = null;

  function esc(value) {
    return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  // NOT_IN_USE reads "not in use"
  function words(name) { return String(name).replace(/_/g, ' ').toLowerCase(); }

  function params() {
    const form = new FormData($('filters'));
    const params = new URLSearchParams();
    const page = new URLSearchParams(location.hash.slice(1)).get('country');
    const country = page && /^[A-Za-z]{2}$/.test(page) ? page.toUpperCase() : form.get('country');
    if (country) { params.set('country', country); }
    ['programme', 'donor'].forEach((key) => { if (form.get(key)) { params.set(key, form.get(key)); } });
    return params;
  }

  async function refresh() {
    const token = sessionStorage.getItem('assistance.token');
    if ($('dashboard').hidden || !token) { return; }
    const response = await fetch('/api/v1/end-use?' + params(),
      { headers: { Accept: 'application/json', Authorization: 'Bearer ' + token } });
    const note = $('end-use-note');
    if (!response.ok) {
      note.hidden = false;
      note.textContent = response.status === 403 ? 'This token may not read end-use monitoring for this selection.'
        : 'End-use monitoring could not be read (' + response.status + ').';
      return;
    }
    note.hidden = true;
    render(await response.json());
  }

  function figures(f) {
    return '<td>' + f.unitsMonitored + '</td><td>' + f.checksDue + '</td><td>' + f.checksMet + '</td><td>' + f.checksOverdue
      + '</td>' + RESULTS.map((r) => '<td>' + f.findings[r] + '</td>').join('');
  }

  function render(r) {
    const t = r.totals;
    if (!chart) { chart = echarts.init($('c-end-use')); }
    const labels = ['due', 'met', 'overdue'].concat(RESULTS.map(words));
    const values = [t.checksDue, t.checksMet, t.checksOverdue].concat(RESULTS.map((k) => t.findings[k]));
    chart.setOption({
      tooltip: { trigger: 'item', renderMode: 'richText' },
      grid: { left: 8, right: 16, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: values.map((v, i) => ({ value: v, itemStyle: { color: i < 3 ? '#0b6e99' : '#d97706' } })) }]
    });
    $('end-use-as-of').textContent = r.asOf;
    $('t-end-use').tBodies[0].innerHTML = r.countries.length
      ? r.countries.map((c) => '<tr><td>' + esc(c.country || '–') + '</td>' + figures(c.figures) + '</tr>').join('')
      : '<tr><td colspan="9">No monitored equipment for this selection.</td></tr>';
    $('t-end-use').tFoot.innerHTML = '<tr><td>All</td>' + figures(t) + '</tr>';
    $('t-end-use-overdue').tBodies[0].innerHTML = r.overdue.length
      ? r.overdue.map((o) => '<tr><td>' + esc(o.serialNumber) + '</td><td>' + esc(o.item) + '</td><td>' + esc(o.country || '–')
        + '</td><td>' + esc(o.requestId) + '</td><td>' + esc(o.dueOn) + '</td><td>' + o.daysOverdue + '</td></tr>').join('')
      : '<tr><td colspan="6">No check overdue.</td></tr>';
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }

  // the dashboard shown (after the token is given), a new event in the latest events, the filters applied
  new MutationObserver(later).observe($('dashboard'), { attributes: true, attributeFilter: ['hidden'] });
  new MutationObserver(later).observe($('feed'), { childList: true });
  $('filters').addEventListener('submit', later);
  window.addEventListener('hashchange', later);
  window.addEventListener('resize', () => { if (chart) { chart.resize(); } });
  later();
})();
