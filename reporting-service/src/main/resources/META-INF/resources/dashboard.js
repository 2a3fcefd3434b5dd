// The operations dashboard: KPIs from GET /api/v1/dashboard, refreshed whenever the stream
// (GET /api/v1/dashboard/stream, server-sent events read with fetch so the token travels in the
// Authorization header) reports an event. No polling. The filters are choices from
// GET /api/v1/dashboard/choices; the chosen ones live in the URL's query (?country=KE&...), so a
// view can be shared and the browser's back and forward buttons move between views. Words, numbers
// and charts follow the reader's language (i18n.js); Arabic reads right to left, charts mirrored.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const I = window.I18n;
  const t = I.t;
  const charts = {};
  const FILTERS = ['from', 'to', 'country', 'thematicArea', 'programme', 'donor'];
  const names = { country: {}, donor: {}, thematicArea: {} };
  let token = sessionStorage.getItem('assistance.token');
  let refreshTimer = null;
  let latest = null;

  // a token may arrive in the URL fragment (the launcher prints such a link); it never reaches a server log
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    token = fragment.get('token');
    sessionStorage.setItem('assistance.token', token);
    const country = fragment.get('country');
    history.replaceState(null, '', location.pathname + location.search
      + (country ? '#country=' + encodeURIComponent(country) : ''));
  }

  // a country's page: #country=KE (a link in the countries table), the report of that State
  function selectedCountry() {
    const country = new URLSearchParams(location.hash.slice(1)).get('country');
    return country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : null;
  }

  function headers() { return { Authorization: 'Bearer ' + token }; }

  // the filters as the API takes them
  function filters() {
    const params = new URLSearchParams();
    const form = new FormData($('filters'));
    FILTERS.forEach((key) => { if (form.get(key)) { params.set(key, form.get(key)); } });
    return params;
  }

  function countryName(code) { return code ? names.country[code] || code : '–'; }
  function donorName(id) { return names.donor[id] || id; }

  // ---- the period presets, computed in the reader's calendar day ----
  function iso(d) {
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  }

  function period(preset) {
    const now = new Date();
    const y = now.getFullYear();
    switch (preset) {
      case 'last30': return [iso(new Date(y, now.getMonth(), now.getDate() - 29)), iso(now)];
      case 'quarter': {
        const q = Math.floor(now.getMonth() / 3) * 3;
        return [iso(new Date(y, q, 1)), iso(new Date(y, q + 3, 0))];
      }
      case 'year': return [y + '-01-01', y + '-12-31'];
      case 'lastYear': return [(y - 1) + '-01-01', (y - 1) + '-12-31'];
      default: return ['', ''];
    }
  }

  function choosePeriod() {
    const preset = $('f-period').value;
    if (preset === 'custom') { return; }
    const [from, to] = period(preset);
    $('f-from').value = from;
    $('f-to').value = to;
  }

  // ---- the filters in the URL ----
  function ensureOption(select, value) {
    if (value && ![...select.options].some((o) => o.value === value)) {
      select.add(new Option(value, value));
    }
  }

  function fromUrl() {
    const query = new URLSearchParams(location.search);
    ['country', 'thematicArea', 'programme', 'donor'].forEach((key) => {
      const select = $('f-' + key);
      const value = query.get(key) || '';
      ensureOption(select, value);
      select.value = value;
    });
    const preset = query.get('period') || (query.get('from') || query.get('to') ? 'custom' : '');
    $('f-period').value = [...$('f-period').options].some((o) => o.value === preset) ? preset : '';
    if ($('f-period').value === 'custom') {
      $('f-from').value = query.get('from') || '';
      $('f-to').value = query.get('to') || '';
    } else {
      choosePeriod();
    }
  }

  function toUrl() {
    const query = new URLSearchParams();
    const preset = $('f-period').value;
    if (preset) { query.set('period', preset); }
    filters().forEach((value, key) => {
      // a preset's dates are computed again on opening: a shared "last 30 days" stays the last 30 days
      if (preset && preset !== 'custom' && (key === 'from' || key === 'to')) { return; }
      query.set(key, value);
    });
    const search = query.toString() ? '?' + query : '';
    if (search !== location.search) { history.pushState(null, '', location.pathname + search + location.hash); }
  }

  // ---- the choices ----
  async function loadChoices() {
    const response = await fetch('/api/v1/dashboard/choices', { headers: headers() });
    if (!response.ok) { return; }
    const c = await response.json();
    fill('country', c.countries);
    fill('thematicArea', c.thematicAreas);
    fill('programme', c.programmes);
    fill('donor', c.donors);
    fromUrl();
  }

  function fill(key, choices) {
    const select = $('f-' + key);
    const chosen = select.value || new URLSearchParams(location.search).get(key) || '';
    const all = select.options[0];
    all.textContent = t('filters.all');
    select.replaceChildren(all);
    choices.forEach((choice) => {
      if (names[key]) { names[key][choice.code] = choice.name; }
      select.add(new Option(choice.name === choice.code ? choice.code : choice.name + ' (' + choice.code + ')', choice.code));
    });
    ensureOption(select, chosen);
    select.value = chosen;
  }

  // ---- formatting ----
  // held time reads best in the largest unit that is at least one
  function duration(days) {
    if (days >= 1) { return I.unit(days, 'day'); }
    if (days * 24 >= 1) { return I.unit(days * 24, 'hour'); }
    if (days * 1440 >= 1) { return I.unit(Math.round(days * 1440), 'minute'); }
    return I.unit(Math.round(days * 86400), 'second');
  }

  // names from events go into table cells as text, never as markup
  function esc(value) {
    return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  function days(value) { return value === null || value === undefined ? '–' : I.decimal(value); }

  // amounts per currency, as the reports give them: [{currency, amount}]
  function money(amounts) {
    return amounts && amounts.length ? amounts.map((a) => I.money(a.amount, a.currency)).join('; ') : '–';
  }

  async function refresh() {
    const response = await fetch('/api/v1/dashboard?' + filters(), { headers: headers() });
    if (response.status === 401 || response.status === 403) { return showLogin(t('login.forbidden')); }
    if (!response.ok) { return; }
    latest = await response.json();
    render(latest);
    refreshBarriers();
    refreshCountry();
  }

  // the barriers report for the country (the page's, else the filter's) and the filter's days
  async function refreshBarriers() {
    const params = new URLSearchParams();
    const f = filters();
    const country = selectedCountry() || f.get('country');
    if (country) { params.set('country', country); }
    if (f.get('from')) { params.set('from', f.get('from')); }
    if (f.get('to')) { params.set('to', f.get('to')); }
    const response = await fetch('/api/v1/barriers?' + params, { headers: Object.assign({ Accept: 'application/json' }, headers()) });
    const note = $('barriers-note');
    if (response.status === 403) {
      note.hidden = false;
      note.textContent = t('barriers.forbidden');
      $('t-barriers').hidden = true;
      return;
    }
    if (!response.ok) { return; }
    note.hidden = true;
    $('t-barriers').hidden = false;
    renderBarriers(await response.json());
  }

  function figures(r) {
    return '<td>' + I.count(r.shipments) + '</td><td>' + I.count(r.lines) + '</td><td>' + I.count(r.itemsBlocked) + '</td><td>'
      + esc(money(r.valueBlocked)) + '</td><td>' + I.count(r.itemsDelayed) + '</td><td>' + esc(money(r.valueDelayed)) + '</td><td>'
      + days(r.daysTotal) + ' / ' + days(r.daysMedian) + '</td><td>' + I.count(r.standing) + '</td><td>' + I.count(r.denials)
      + '</td><td>' + esc(money(r.extraCost)) + '</td>';
  }

  function renderBarriers(b) {
    const measures = b.measures.map((m) => '<tr><td>' + esc(I.code('measure', m.measure)) + (m.reference ? ' (' + esc(m.reference) + ')' : '')
      + '</td><td>' + esc(I.code('basis', m.basis)) + '</td><td>' + esc([m.imposedBy, m.instrument].filter(Boolean).join(', ') || '–')
      + '</td>' + figures(m) + '</tr>');
    const impediments = b.impediments.map((i) => '<tr><td>' + esc(I.code('impediment', i.kind)) + '</td><td>' + esc(I.code('basis', i.basis))
      + '</td><td>–</td>' + figures(i) + '</tr>');
    const rows = measures.concat(impediments);
    $('t-barriers').tBodies[0].innerHTML = rows.length ? rows.join('')
      : '<tr><td colspan="13">' + esc(t('barriers.none')) + '</td></tr>';
    $('t-barriers').tFoot.innerHTML = '<tr><td colspan="3">' + esc(t('barriers.all')) + '</td>' + figures(b.totals) + '</tr>';
  }

  // a country chosen on the map: its page (the hash change fills it), brought into view
  function openCountry(code) {
    location.hash = 'country=' + encodeURIComponent(code);
    $('country-page').hidden = false;
    $('country-page').scrollIntoView();
  }

  async function refreshCountry() {
    const country = selectedCountry();
    $('country-page').hidden = !country;
    if (!country) { return; }
    const response = await fetch('/api/v1/countries/' + country + '/report', { headers: headers() });
    $('country-title').textContent = countryName(country);
    if (!response.ok) {
      $('t-priorities').tBodies[0].innerHTML = '<tr><td colspan="7">' + esc(t('country.forbidden', { country: countryName(country) }))
        + '</td></tr>';
      return;
    }
    const r = await response.json();
    const row = (p, name) => '<tr><td>' + (p.rank === null || p.rank === undefined ? '–' : I.count(p.rank)) + '</td><td>' + esc(name)
      + '</td><td>' + esc(I.code('thematic-area', p.thematicArea)) + '</td><td>'
      + esc(p.periodFrom ? I.date(p.periodFrom) + ' – ' + (p.periodTo ? I.date(p.periodTo) : '') : '–') + '</td><td>'
      + I.count(p.requests) + ' (' + I.count(p.approvedRequests) + ')</td><td>' + esc(money(p.approved)) + '</td><td>'
      + esc(money(p.delivered)) + '</td></tr>';
    $('t-priorities').tBodies[0].innerHTML = r.priorities.map((p) => row(p, p.title)).join('')
      + row(r.noPriority, t('country.noPriority'));
    $('t-currencies').tBodies[0].innerHTML = r.currencies.map((c) => '<tr><td>' + esc(c.currency) + '</td><td>'
      + esc(I.money(c.approved, c.currency)) + '</td><td>' + esc(I.money(c.approvedForPriorities, c.currency)) + '</td><td>'
      + esc(I.money(c.delivered, c.currency)) + '</td><td>' + (c.priorityShare === null ? '–' : I.percent(c.priorityShare * 100))
      + '</td></tr>').join('');
    const e = r.endorsements;
    $('country-endorsements').textContent = t('country.endorsements',
      { endorsed: I.count(e.endorsed), declined: I.count(e.declined), none: I.count(e.none) });
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 250);
  }

  // ---- charts: named axes, values on the bars, mirrored for a right-to-left language ----
  const rtl = () => I.rtl();
  const textStyle = () => ({ fontFamily: 'system-ui, "Segoe UI", "Noto Sans Arabic", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif' });

  // one line (scrolling when the names are long), at the reading side
  function legend() { return { type: 'scroll', top: 0, left: rtl() ? 'right' : 'left', align: rtl() ? 'right' : 'left' }; }

  // categories along x, values up the y axis (on the right when reading right to left)
  function columns(categoryName, categories, valueName, format) {
    return {
      xAxis: { type: 'category', data: categories, inverse: rtl(), name: categoryName, nameLocation: 'middle', nameGap: 30,
        axisLabel: { interval: 0, hideOverlap: true, overflow: 'truncate', width: 90 } },
      yAxis: { type: 'value', position: rtl() ? 'right' : 'left', name: valueName, nameLocation: 'end', nameGap: 12,
        nameTextStyle: { align: rtl() ? 'right' : 'left' },
        minInterval: format === I.count ? 1 : 0, axisLabel: { formatter: (v) => format(v) } }
    };
  }

  // categories down the y axis (on the right when reading right to left), values along x, growing leftwards
  function rows(categoryName, categories, valueName) {
    return {
      yAxis: { type: 'category', data: categories, position: rtl() ? 'right' : 'left', name: categoryName,
        nameLocation: 'end', nameGap: 8, axisLabel: { width: 130, overflow: 'truncate' } },
      xAxis: { type: 'value', inverse: rtl(), name: valueName, nameLocation: 'middle', nameGap: 26, minInterval: 1,
        axisLabel: { formatter: (v) => I.count(v) } }
    };
  }

  function draw(id, option) {
    chart(id).setOption(Object.assign({ textStyle: textStyle(), animation: false, tooltip: tooltip() }, option), true);
  }

  function describe(id, title) {
    $(id).setAttribute('aria-label', t('chart.label', { panel: title }));
  }

  function render(k) {
    $('k-requests').textContent = I.count(k.requests);
    $('k-approval').textContent = I.percent(k.approvalRatePercent);
    $('k-approval-time').textContent = days(k.timeToApproval.p50) + ' / ' + days(k.timeToApproval.p90);
    $('k-rejection-time').textContent = days(k.timeToRejection.p50) + ' / ' + days(k.timeToRejection.p90);
    $('k-ended').textContent = I.count(k.delivery.delivered) + ' / ' + I.count(k.delivery.cancelled) + ' / '
      + I.count(k.delivery.closed);
    $('k-delivery').textContent = days(k.approvalToDeliveryDays.p50) + ' / ' + days(k.approvalToDeliveryDays.p90);
    $('k-ontime').textContent = I.percent(k.onTimeDeliveryPercent);
    $('k-fill').textContent = I.percent(k.fillRatePercent);
    $('k-transit').textContent = I.count(k.shipments.inTransit) + ' / ' + I.count(k.shipments.delayed);
    $('k-held').textContent = I.count(k.heldNow) + ' / ' + I.count(k.everHeld) + ', ' + duration(k.shipments.held.totalDaysHeld);
    const p = k.participants;
    $('k-trained').textContent = [p.women, p.men, p.other, p.notDisclosed].map(I.count).join(' / ');

    // the funnel: each stage's count and its share of all requests on its bar, readable however uneven
    const stages = ['SUBMITTED', 'INFORMATION_REQUESTED', 'APPROVED', 'PARTIALLY_APPROVED', 'IN_DELIVERY', 'DELIVERED',
      'CLOSED', 'CANCELLED', 'REJECTED', 'WITHDRAWN'];
    const total = stages.reduce((sum, s) => sum + (k.byStage[s] || 0), 0);
    const share = (n) => (total ? I.percent(100 * n / total) : '–');
    const stageNames = stages.map((s) => I.code('stage', s));
    const funnel = rows(t('axis.stage'), stageNames.slice().reverse(), t('axis.requests'));
    draw('c-funnel', Object.assign(funnel, {
      // room beyond the longest bar for its label (count and share)
      grid: { left: rtl() ? 84 : 140, right: rtl() ? 140 : 84, top: 24, bottom: 44, containLabel: false },
      series: [{ type: 'bar', name: t('axis.requests'), data: stages.slice().reverse().map((s) => k.byStage[s] || 0),
        itemStyle: { color: '#0b6e99' }, barMinHeight: 2,
        label: { show: true, position: rtl() ? 'left' : 'right', formatter: (d) => I.count(d.value) + ' (' + share(d.value) + ')' } }]
    }));
    describe('c-funnel', t('funnel.title'));
    Panels.table('d-funnel', t('funnel.title'), [t('axis.stage'), t('axis.requests'), t('axis.share')],
      stages.map((s, i) => [stageNames[i], I.count(k.byStage[s] || 0), share(k.byStage[s] || 0)]));

    const buckets = Object.keys(k.approvalDaysDistribution);
    const series = [['times.toApproval', k.approvalDaysDistribution], ['times.toRejection', k.rejectionDaysDistribution],
      ['times.toDelivery', k.deliveryDaysDistribution]];
    draw('c-times', Object.assign(columns(t('axis.days'), buckets, t('axis.requests'), I.count), {
      tooltip: tooltip('axis'), legend: legend(), grid: { left: 16, right: 16, top: 56, bottom: 36, containLabel: true },
      series: series.map(([key, distribution]) => ({ name: t(key), type: 'bar', data: buckets.map((b) => distribution[b]),
        label: { show: true, position: 'top', formatter: (d) => (d.value ? I.count(d.value) : '') } }))
    }));
    describe('c-times', t('times.title'));
    Panels.table('d-times', t('times.title'), [t('axis.days')].concat(series.map(([key]) => t(key))),
      buckets.map((b) => [b].concat(series.map(([, distribution]) => I.count(distribution[b] || 0)))));

    const destinations = Object.keys(k.shipments.held.byDestination);
    const destinationNames = destinations.map(countryName);
    draw('c-held', Object.assign(columns(t('axis.destination'), destinationNames, t('axis.shipments'), I.count), {
      grid: { left: 16, right: 16, top: 36, bottom: 36, containLabel: true },
      series: [{ type: 'bar', name: t('axis.shipments'), data: destinations.map((d) => k.shipments.held.byDestination[d]),
        itemStyle: { color: '#b45309' }, label: { show: true, position: 'top', formatter: (d) => I.count(d.value) } }]
    }));
    describe('c-held', t('held.title'));
    Panels.table('d-held', t('held.title'), [t('axis.destination'), t('axis.shipments')],
      destinations.map((d, i) => [destinationNames[i], I.count(k.shipments.held.byDestination[d])]));

    // funds: one bar group per donor and currency, the donor's name on the axis, amounts in the currency
    const keys = [...new Set(k.funds.map((f) => f.donor + '|' + f.currency))];
    const label = (key) => { const [donor, currency] = key.split('|'); return donorName(donor) + ' (' + currency + ')'; };
    const currencyOf = (key) => key.split('|')[1];
    const sum = (key, field) => k.funds.filter((f) => f.donor + '|' + f.currency === key)
      .reduce((all, f) => all + Number(f[field]), 0);
    const kinds = ['pledged', 'committed', 'disbursed', 'spent'];
    const fundsAxes = columns(t('axis.donor'), keys.map(label), t('axis.amount'),
      (v) => I.number(v, { notation: 'compact', maximumFractionDigits: 1 }));
    fundsAxes.yAxis.boundaryGap = [0, '35%'];
    fundsAxes.xAxis.axisLabel.overflow = 'break';
    fundsAxes.xAxis.nameGap = 44;
    draw('c-funds', Object.assign(fundsAxes, {
      tooltip: tooltip('axis'), legend: legend(), grid: { left: 16, right: 16, top: 56, bottom: 48, containLabel: true },
      series: kinds.map((kind) => ({ name: t('funds.' + kind), type: 'bar', data: keys.map((key) => sum(key, kind)),
        // upright above each bar: four amounts per donor stay readable side by side
        label: { show: true, position: 'top', rotate: 90, align: 'left', verticalAlign: 'middle', distance: 4, fontSize: 10,
          formatter: (d) => (d.value ? I.number(d.value, { notation: 'compact', style: 'currency', currency: currencyOf(keys[d.dataIndex]),
            currencyDisplay: 'code', maximumFractionDigits: 1 }) : '') } }))
    }));
    describe('c-funds', t('funds.title'));
    Panels.table('d-funds', t('funds.title'), [t('axis.donor'), t('th.currency')].concat(kinds.map((kind) => t('funds.' + kind))),
      keys.map((key) => [donorName(key.split('|')[0]), currencyOf(key)].concat(kinds.map((kind) => I.money(sum(key, kind), currencyOf(key))))));

    const rowsHtml = k.countries.map((c) => '<tr><td><a href="#country=' + encodeURIComponent(c.country) + '">' + esc(countryName(c.country))
      + '</a></td><td>' + I.count(c.requests) + '</td><td>' + I.count(c.delivered) + '</td></tr>');
    $('t-countries').tBodies[0].innerHTML = rowsHtml.join('');
    // the same figures on the world map (map.js); a country chosen there opens its page, as the table's links do
    if (window.WorldMap) {
      WorldMap.render($('c-map'), k.countries, {
        language: I.lang(), rtl: I.rtl(), names: names.country, table: $('t-countries'), onSelect: openCountry,
        labels: { requests: t('map.requests'), delivered: t('map.delivered'), summary: t('map.summary'),
          empty: t('map.empty'), notDrawn: t('map.not-drawn'), unavailable: t('map.unavailable') }
      });
    }
    $('t-types').tBodies[0].innerHTML = Object.entries(k.delivery.byAssistanceType).map(([type, d]) =>
      '<tr><td>' + esc(I.code('assistance-type', type)) + '</td><td>' + I.count(d.requests) + '</td><td>' + I.count(d.delivered)
      + '</td><td>' + I.count(d.cancelled) + '</td><td>' + I.count(d.closed) + '</td></tr>').join('');
    $('t-kinds').tBodies[0].innerHTML = Object.entries(k.delivery.byDeliverableKind).map(([kind, d]) =>
      '<tr><td>' + esc(I.code('deliverable', kind)) + '</td><td>' + I.count(d.total) + '</td><td>' + I.count(d.delivered) + '</td><td>'
      + I.count(d.cancelled) + '</td><td>' + I.count(d.inProgress) + '</td></tr>').join('');
    if (!$('feed').dataset.filled) {
      $('feed').innerHTML = '';
      k.latestEvents.slice().reverse().forEach(addToFeed);
      $('feed').dataset.filled = 'yes';
    }
  }

  // tooltips drawn on the canvas: ECharts' HTML tooltips carry style attributes the page's policy (CSP) refuses
  function tooltip(trigger) { return { trigger: trigger || 'item', renderMode: 'richText' }; }

  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init($(id)); }
    return charts[id];
  }

  function addToFeed(event) {
    const item = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = event.time;
    time.textContent = I.dateTime(event.time);
    item.appendChild(time);
    item.appendChild(document.createTextNode(event.summary + ' — ' + event.source));
    $('feed').prepend(item);
    while ($('feed').children.length > 50) { $('feed').lastChild.remove(); }
  }

  // when the token expires (its exp claim, in ms); the server has checked its signature, this only reads the time
  function expiresAt() {
    try {
      return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp * 1000;
    } catch (e) {
      return 0;
    }
  }

  // the server ends a live stream when its token expires: the page asks for a new token
  function sessionEnded() {
    $('live').className = 'live off';
    token = null;
    sessionStorage.removeItem('assistance.token');
    showLogin(t('login.ended'));
  }

  // the live stream speaks the language it was opened in: another language opens it anew
  let streamAbort = null;

  async function listen() {
    try {
      streamAbort = new AbortController();
      const response = await fetch('/api/v1/dashboard/stream',
        { headers: Object.assign({ Accept: 'text/event-stream' }, headers()), signal: streamAbort.signal });
      if (response.status === 401 || response.status === 403) { return sessionEnded(); }
      if (!response.ok) { throw new Error('stream ' + response.status); }
      $('live').className = 'live on';
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) { break; }
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (!data) { continue; }
          const event = JSON.parse(data);
          if (event.type !== 'heartbeat') { addToFeed(event); scheduleRefresh(); }
        }
      }
    } catch (e) {
      // fall through: reconnect below
    }
    $('live').className = 'live off';
    // a few seconds' leeway: this computer's clock may be a little behind the server's
    if (expiresAt() && Date.now() >= expiresAt() - 5000) { return sessionEnded(); }
    setTimeout(listen, 2000);
  }

  function showLogin(message) {
    $('dashboard').hidden = true;
    $('login').hidden = false;
    $('login-error').hidden = !message;
    $('login-error').textContent = message || '';
  }

  $('login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    token = $('token').value.trim();
    sessionStorage.setItem('assistance.token', token);
    start();
  });
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    toUrl();
    $('feed').dataset.filled = '';
    refresh();
  });
  $('f-period').addEventListener('change', choosePeriod);
  [$('f-from'), $('f-to')].forEach((input) => input.addEventListener('change', () => { $('f-period').value = 'custom'; }));
  $('f-clear').addEventListener('click', () => {
    $('filters').reset();
    $('filters').requestSubmit();
  });
  // back and forward: the view the URL names
  window.addEventListener('popstate', () => {
    fromUrl();
    $('feed').dataset.filled = '';
    refresh();
  });
  window.addEventListener('hashchange', () => { refreshCountry(); refreshBarriers(); });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  // the skip link moves the focus to the dashboard without touching the URL's fragment (a country page)
  document.querySelector('.skip').addEventListener('click', (e) => {
    e.preventDefault();
    $('main-content').focus();
  });

  // another language: the page's words at once, the server's words (names, summaries) asked for again
  $('lang').addEventListener('change', () => I.use($('lang').value));
  I.onChange(() => {
    if ($('dashboard').hidden) { return; }
    $('feed').dataset.filled = '';
    if (latest) { render(latest); }
    loadChoices().then(refresh);
    if (streamAbort) { streamAbort.abort(); } // listen() opens it again, in the new language
  });

  async function start() {
    $('login').hidden = true;
    $('dashboard').hidden = false;
    fromUrl();
    await loadChoices().catch(() => {});
    refresh();
    listen();
  }

  I.apply();
  Panels.name();
  window.Dashboard = { filters: filters, countryName: countryName, donorName: donorName };
  if (token) { start(); } else { showLogin(); }
})();
