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

  const I = window.I18n;
  const t = I.t;

  function params() {
    const form = window.Dashboard.filters();
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
      note.textContent = response.status === 403 ? t('endUse.forbidden') : t('endUse.failed', { status: response.status });
      return;
    }
    note.hidden = true;
    render(await response.json());
  }

  function figures(f) {
    return '<td>' + I.count(f.unitsMonitored) + '</td><td>' + I.count(f.checksDue) + '</td><td>' + I.count(f.checksMet) + '</td><td>'
      + I.count(f.checksOverdue) + '</td>' + RESULTS.map((r) => '<td>' + I.count(f.findings[r]) + '</td>').join('');
  }

  function render(r) {
    if (!chart) { chart = echarts.init($('c-end-use')); }
    const totals = r.totals;
    const rtl = I.rtl();
    const labels = [t('th.checksDue'), t('th.met'), t('th.overdue')].concat(RESULTS.map((k) => I.code('end-use', k)));
    const values = [totals.checksDue, totals.checksMet, totals.checksOverdue].concat(RESULTS.map((k) => totals.findings[k]));
    chart.setOption({
      textStyle: { fontFamily: 'system-ui, "Segoe UI", "Noto Sans Arabic", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif' },
      animation: false,
      tooltip: { trigger: 'item', renderMode: 'richText' },
      grid: { left: 16, right: 16, top: 36, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: labels, inverse: rtl, name: t('axis.check'), nameLocation: 'middle', nameGap: 30,
        axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1, position: rtl ? 'right' : 'left', name: t('axis.units'), nameLocation: 'end',
        nameGap: 12, nameTextStyle: { align: rtl ? 'right' : 'left' }, axisLabel: { formatter: (v) => I.count(v) } },
      series: [{ type: 'bar', name: t('axis.units'), label: { show: true, position: 'top', formatter: (d) => I.count(d.value) },
        data: values.map((v, i) => ({ value: v, itemStyle: { color: i < 3 ? '#0b6e99' : '#b45309' } })) }]
    }, true);
    $('c-end-use').setAttribute('aria-label', t('chart.label', { panel: t('endUse.title') + ' ' + I.date(r.asOf) }));
    Panels.table('d-end-use', t('endUse.title') + ' ' + I.date(r.asOf), [t('axis.check'), t('axis.units')],
      labels.map((label, i) => [label, I.count(values[i])]));
    $('end-use-as-of').textContent = I.date(r.asOf);
    const country = (code) => (code ? window.Dashboard.countryName(code) : '–');
    $('t-end-use').tBodies[0].innerHTML = r.countries.length
      ? r.countries.map((c) => '<tr><td>' + esc(country(c.country)) + '</td>' + figures(c.figures) + '</tr>').join('')
      : '<tr><td colspan="9">' + esc(t('endUse.none')) + '</td></tr>';
    $('t-end-use').tFoot.innerHTML = '<tr><td>' + esc(t('endUse.all')) + '</td>' + figures(totals) + '</tr>';
    $('t-end-use-overdue').tBodies[0].innerHTML = r.overdue.length
      ? r.overdue.map((o) => '<tr><td>' + esc(o.serialNumber) + '</td><td>' + esc(o.item) + '</td><td>' + esc(country(o.country))
        + '</td><td>' + esc(o.requestId) + '</td><td>' + esc(I.date(o.dueOn)) + '</td><td>' + I.count(o.daysOverdue) + '</td></tr>').join('')
      : '<tr><td colspan="6">' + esc(t('endUse.noneOverdue')) + '</td></tr>';
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }

  // the dashboard shown (after the token is given), a new event in the latest events, the filters applied
  new MutationObserver(later).observe($('dashboard'), { attributes: true, attributeFilter: ['hidden'] });
  new MutationObserver(later).observe($('feed'), { childList: true });
  $('filters').addEventListener('submit', later);
  window.addEventListener('popstate', later);
  I.onChange(later);
  window.addEventListener('hashchange', later);
  window.addEventListener('resize', () => { if (chart) { chart.resize(); } });
  later();
})();
