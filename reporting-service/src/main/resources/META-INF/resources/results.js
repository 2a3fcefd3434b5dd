// The Results panel: each programme's indicators, target against the latest actual, from
// GET /api/v1/programmes/{code}/results (a country filter or page: GET /api/v1/countries/{c}/results,
// the State's own actuals). Bars show the values; a table beside them gives screen readers the same.
// It follows the dashboard: whenever the KPIs are drawn again (a filter applied, an event arrived).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const MAX_PROGRAMMES = 10;
  let timer = null;

  function headers() { return { Authorization: 'Bearer ' + sessionStorage.getItem('assistance.token') }; }

  function esc(value) {
    return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  const I = window.I18n;
  const t = I.t;

  function filters() { return window.Dashboard.filters(); }

  function country() {
    const page = new URLSearchParams(location.hash.slice(1)).get('country');
    const chosen = page && /^[A-Za-z]{2}$/.test(page) ? page : filters().get('country');
    return chosen && /^[A-Za-z]{2}$/.test(chosen) ? chosen.toUpperCase() : null;
  }

  function value(v, unit) {
    if (v === null || v === undefined) { return '–'; }
    return unit === '%' ? I.percent(v) : I.number(v);
  }

  // the latest period with an actual (the one progress speaks of), else the latest
  function latest(indicator) {
    const measured = indicator.periods.filter((p) => p.actual !== null && p.actual !== undefined);
    return measured.length ? measured[measured.length - 1] : indicator.periods[indicator.periods.length - 1];
  }

  function rows(programme, indicators) {
    return indicators.map((i) => {
      const p = latest(i) || {};
      const target = i.target ? i.target.value : null;
      const actual = p.actual === undefined ? null : p.actual;
      const scale = Math.max(Number(target) || 0, Number(actual) || 0) || 1;
      // widths set through the CSSOM below: the page's policy allows no inline style attribute
      const bar = (v, kind) => '<span class="bar ' + kind + '" data-width="' + (v === null ? 0 : Math.round(100 * Number(v) / scale))
        + '"></span>';
      return {
        visual: '<div class="result"><span class="result-title">' + esc(programme) + ' · ' + esc(i.title) + '</span>'
          + '<span class="bars" aria-hidden="true">' + bar(target, 'target') + bar(actual, 'actual') + '</span>'
          + '<span class="result-values">' + esc(t('results.of', { actual: value(actual, i.unit), target: value(target, i.unit) }))
          + (i.target ? ' (' + esc(i.target.year) + ')' : '') + '</span></div>',
        cells: '<tr><td>' + esc(programme) + '</td><td>' + esc(i.title) + '</td><td>' + esc(i.unit) + '</td><td>'
          + esc(i.baseline ? value(i.baseline.value, i.unit) + ' (' + i.baseline.year + ')' : '–') + '</td><td>'
          + esc(i.target ? value(i.target.value, i.unit) + ' (' + i.target.year + ')' : '–') + '</td><td>'
          + esc(p.periodStart ? I.date(p.periodStart) + ' – ' + I.date(p.periodEnd) : '–') + '</td><td>' + esc(value(actual, i.unit))
          + '</td><td>' + esc(i.progress ? I.percent(i.progress.percentOfTarget) : '–') + '</td></tr>'
      };
    });
  }

  function show(all, note) {
    $('results-bars').innerHTML = all.map((r) => r.visual).join('');
    $('results-bars').querySelectorAll('.bar').forEach((b) => { b.style.width = Number(b.dataset.width) + '%'; });
    $('t-results').tBodies[0].innerHTML = all.length ? all.map((r) => r.cells).join('')
      : '<tr><td colspan="8">' + esc(t('results.none')) + '</td></tr>';
    $('results-note').hidden = !note;
    $('results-note').textContent = note || '';
  }

  async function json(path) {
    const response = await fetch(path, { headers: headers() });
    return response.ok ? response.json() : null;
  }

  async function refresh() {
    const state = country();
    if (state) {
      const r = await json('/api/v1/countries/' + state + '/results');
      const name = window.Dashboard.countryName(state);
      if (!r) { return show([], t('results.forbidden', { country: name })); }
      const p = r.participants;
      return show([].concat(...r.programmes.map((g) => rows(g.programme, g.indicators))),
        t('results.actualsIn', { country: name, total: I.count(p.total), women: I.count(p.women), men: I.count(p.men),
          other: I.count(p.other), notDisclosed: I.count(p.notDisclosed) }));
    }
    let codes = [];
    const chosen = filters().get('programme');
    if (chosen) {
      codes = [chosen];
    } else {
      const k = await json('/api/v1/dashboard?' + filters());
      if (!k) { return; }
      codes = [...new Set(k.programmes.map((p) => p.programme).concat(k.funds.map((f) => f.programme)).filter(Boolean))];
    }
    const answers = await Promise.all(codes.slice(0, MAX_PROGRAMMES)
      .map((code) => json('/api/v1/programmes/' + encodeURIComponent(code) + '/results')));
    show([].concat(...answers.filter(Boolean).map((r) => rows(r.programme, r.indicators))),
      codes.length > MAX_PROGRAMMES ? t('results.first', { count: I.count(MAX_PROGRAMMES) }) : null);
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => refresh().catch(() => {}), 300);
  }

  // the dashboard draws its KPIs again after every filter and event: the panel follows
  new MutationObserver(schedule).observe($('k-requests'), { childList: true, characterData: true, subtree: true });
  window.addEventListener('hashchange', schedule);
})();
