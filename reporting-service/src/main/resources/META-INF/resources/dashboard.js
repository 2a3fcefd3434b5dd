// The operations dashboard: KPIs from GET /api/v1/dashboard, refreshed whenever the stream
// (GET /api/v1/dashboard/stream, server-sent events read with fetch so the token travels in the
// Authorization header) reports an event. No polling.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const charts = {};
  let token = sessionStorage.getItem('assistance.token');
  let refreshTimer = null;

  // a token may arrive in the URL fragment (the launcher prints such a link); it never reaches a server log
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    token = fragment.get('token');
    sessionStorage.setItem('assistance.token', token);
    const country = fragment.get('country');
    history.replaceState(null, '', location.pathname + (country ? '#country=' + encodeURIComponent(country) : ''));
  }

  // a country's page: #country=KE (a link in the countries table), the report of that State
  function selectedCountry() {
    const country = new URLSearchParams(location.hash.slice(1)).get('country');
    return country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : null;
  }

  function headers() { return { Authorization: 'Bearer ' + token }; }

  function filters() {
    const params = new URLSearchParams();
    new FormData($('filters')).forEach((value, key) => { if (value) params.set(key, value); });
    return params;
  }

  // held time reads best in the largest unit that is at least one
  function duration(days) {
    if (days >= 1) { return days.toFixed(1) + ' d'; }
    if (days * 24 >= 1) { return (days * 24).toFixed(1) + ' h'; }
    if (days * 1440 >= 1) { return Math.round(days * 1440) + ' min'; }
    return Math.round(days * 86400) + ' s';
  }

  // names from events go into table cells as text, never as markup
  function esc(value) {
    return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  // TRAINING_COURSE reads (and wraps) as "TRAINING COURSE"
  function words(name) { return String(name).replace(/_/g, ' '); }

  function fmt(value, suffix) { return value === null || value === undefined ? '–' : value + (suffix || ''); }

  async function refresh() {
    const response = await fetch('/api/v1/dashboard?' + filters(), { headers: headers() });
    if (response.status === 401 || response.status === 403) { return showLogin('This token may not read the dashboard.'); }
    if (!response.ok) { return; }
    render(await response.json());
    refreshBarriers();
    refreshCountry();
  }

  // amounts per currency, as the reports give them: [{currency, amount}]
  function money(amounts) {
    return amounts && amounts.length ? amounts.map((a) => Number(a.amount).toFixed(2) + ' ' + a.currency).join('; ') : '–';
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
      note.textContent = 'The barriers report is read by operations staff, administrators and a State\'s focal point.';
      $('t-barriers').hidden = true;
      return;
    }
    if (!response.ok) { return; }
    note.hidden = true;
    $('t-barriers').hidden = false;
    renderBarriers(await response.json());
  }

  function figures(r) {
    return '<td>' + r.shipments + '</td><td>' + r.lines + '</td><td>' + r.itemsBlocked + '</td><td>' + esc(money(r.valueBlocked))
      + '</td><td>' + r.itemsDelayed + '</td><td>' + esc(money(r.valueDelayed)) + '</td><td>' + fmt(r.daysTotal) + ' / '
      + fmt(r.daysMedian) + '</td><td>' + r.standing + '</td><td>' + r.denials + '</td><td>' + esc(money(r.extraCost)) + '</td>';
  }

  function renderBarriers(b) {
    const measures = b.measures.map((m) => '<tr><td>' + esc(words(m.measure)) + (m.reference ? ' (' + esc(m.reference) + ')' : '')
      + '</td><td>' + esc(words(m.basis)) + '</td><td>' + esc([m.imposedBy, m.instrument].filter(Boolean).join(', ') || '–')
      + '</td>' + figures(m) + '</tr>');
    const impediments = b.impediments.map((i) => '<tr><td>' + esc(words(i.kind)) + '</td><td>' + esc(words(i.basis))
      + '</td><td>–</td>' + figures(i) + '</tr>');
    const rows = measures.concat(impediments);
    $('t-barriers').tBodies[0].innerHTML = rows.length ? rows.join('')
      : '<tr><td colspan="13">No shipment held or stopped for this selection.</td></tr>';
    $('t-barriers').tFoot.innerHTML = '<tr><td colspan="3">All (each shipment once)</td>' + figures(b.totals) + '</tr>';
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
    $('country-title').textContent = country;
    if (!response.ok) {
      $('t-priorities').tBodies[0].innerHTML = '<tr><td colspan="7">This token may not read the report of ' + esc(country) + '.</td></tr>';
      return;
    }
    const r = await response.json();
    const row = (p, name) => '<tr><td>' + fmt(p.rank) + '</td><td>' + esc(name) + '</td><td>' + esc(words(p.thematicArea || '–'))
      + '</td><td>' + esc(p.periodFrom ? p.periodFrom + ' – ' + (p.periodTo || '') : '–') + '</td><td>' + p.requests + ' ('
      + p.approvedRequests + ')</td><td>' + esc(money(p.approved)) + '</td><td>' + esc(money(p.delivered)) + '</td></tr>';
    $('t-priorities').tBodies[0].innerHTML = r.priorities.map((p) => row(p, p.title)).join('')
      + row(r.noPriority, 'Requests naming no stated priority');
    $('t-currencies').tBodies[0].innerHTML = r.currencies.map((c) => '<tr><td>' + esc(c.currency) + '</td><td>' + c.approved.toFixed(2)
      + '</td><td>' + c.approvedForPriorities.toFixed(2) + '</td><td>' + c.delivered.toFixed(2) + '</td><td>'
      + (c.priorityShare === null ? '–' : (c.priorityShare * 100).toFixed(2) + ' %') + '</td></tr>').join('');
    const e = r.endorsements;
    $('country-endorsements').textContent = 'Endorsed by the national focal point: ' + e.endorsed + ', declined: ' + e.declined
      + ', no decision: ' + e.none + '.';
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 250);
  }

  function render(k) {
    $('k-requests').textContent = k.requests;
    $('k-approval').textContent = fmt(k.approvalRatePercent, ' %');
    $('k-approval-time').textContent = fmt(k.timeToApproval.p50) + ' / ' + fmt(k.timeToApproval.p90);
    $('k-rejection-time').textContent = fmt(k.timeToRejection.p50) + ' / ' + fmt(k.timeToRejection.p90);
    $('k-ended').textContent = k.delivery.delivered + ' / ' + k.delivery.cancelled + ' / ' + k.delivery.closed;
    $('k-delivery').textContent = fmt(k.approvalToDeliveryDays.p50) + ' / ' + fmt(k.approvalToDeliveryDays.p90);
    $('k-ontime').textContent = fmt(k.onTimeDeliveryPercent, ' %');
    $('k-fill').textContent = fmt(k.fillRatePercent, ' %');
    $('k-transit').textContent = k.shipments.inTransit + ' / ' + k.shipments.delayed;
    $('k-held').textContent = k.heldNow + ' / ' + k.everHeld + ', ' + duration(k.shipments.held.totalDaysHeld);
    const p = k.participants;
    $('k-trained').textContent = p.women + ' / ' + p.men + ' / ' + p.other + ' / ' + p.notDisclosed;

    const stages = ['SUBMITTED', 'INFORMATION_REQUESTED', 'APPROVED', 'PARTIALLY_APPROVED', 'IN_DELIVERY', 'DELIVERED',
      'CLOSED', 'CANCELLED', 'REJECTED', 'WITHDRAWN'];
    const names = { SUBMITTED: 'Submitted', INFORMATION_REQUESTED: 'Info requested', APPROVED: 'Approved',
      PARTIALLY_APPROVED: 'Partly approved', IN_DELIVERY: 'In delivery', DELIVERED: 'Delivered', CLOSED: 'Closed',
      CANCELLED: 'Cancelled', REJECTED: 'Rejected', WITHDRAWN: 'Withdrawn' };
    chart('c-funnel').setOption({
      tooltip: tooltip(), grid: { left: 8, right: 16, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: stages.slice().reverse().map((s) => names[s]) },
      series: [{ type: 'bar', data: stages.slice().reverse().map((s) => k.byStage[s] || 0), itemStyle: { color: '#0b6e99' } }]
    });
    const buckets = Object.keys(k.approvalDaysDistribution);
    chart('c-times').setOption({
      tooltip: tooltip('axis'), legend: { top: 0 }, grid: { left: 32, right: 8, top: 28, bottom: 24 },
      xAxis: { type: 'category', data: buckets }, yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'to approval', type: 'bar', data: buckets.map((b) => k.approvalDaysDistribution[b]) },
        { name: 'to rejection', type: 'bar', data: buckets.map((b) => k.rejectionDaysDistribution[b]) },
        { name: 'approval to delivery', type: 'bar', data: buckets.map((b) => k.deliveryDaysDistribution[b]) }
      ]
    });
    const destinations = Object.keys(k.shipments.held.byDestination);
    chart('c-held').setOption({
      tooltip: tooltip(), grid: { left: 40, right: 8, top: 8, bottom: 24 },
      xAxis: { type: 'category', data: destinations }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: destinations.map((d) => k.shipments.held.byDestination[d]), itemStyle: { color: '#d97706' } }]
    });
    const donors = [...new Set(k.funds.map((f) => f.donor + ' (' + f.currency + ')'))];
    const sum = (donor, field) => k.funds.filter((f) => f.donor + ' (' + f.currency + ')' === donor)
      .reduce((total, f) => total + Number(f[field]), 0);
    chart('c-funds').setOption({
      tooltip: tooltip('axis'), legend: { top: 0 }, grid: { left: 64, right: 8, top: 28, bottom: 24 },
      xAxis: { type: 'category', data: donors }, yAxis: { type: 'value' },
      series: [
        { name: 'pledged', type: 'bar', data: donors.map((d) => sum(d, 'pledged')) },
        { name: 'committed', type: 'bar', data: donors.map((d) => sum(d, 'committed')) },
        { name: 'disbursed', type: 'bar', data: donors.map((d) => sum(d, 'disbursed')) },
        { name: 'spent', type: 'bar', data: donors.map((d) => sum(d, 'spent')) }
      ]
    });
    const rows = k.countries.map((c) => '<tr><td><a href="#country=' + encodeURIComponent(c.country) + '">' + esc(c.country)
      + '</a></td><td>' + c.requests + '</td><td>' + c.delivered + '</td></tr>');
    $('t-countries').tBodies[0].innerHTML = rows.join('');
    // the same figures on the world map (map.js); a country chosen there opens its page, as the table's links do
    if (window.WorldMap) {
      WorldMap.render($('c-map'), k.countries, { language: document.documentElement.lang || 'en', rtl: document.dir === 'rtl',
        table: $('t-countries'), onSelect: openCountry });
    }
    $('t-types').tBodies[0].innerHTML = Object.entries(k.delivery.byAssistanceType).map(([type, t]) =>
      '<tr><td>' + esc(words(type)) + '</td><td>' + t.requests + '</td><td>' + t.delivered + '</td><td>' + t.cancelled + '</td><td>'
      + t.closed + '</td></tr>').join('');
    $('t-kinds').tBodies[0].innerHTML = Object.entries(k.delivery.byDeliverableKind).map(([kind, d]) =>
      '<tr><td>' + esc(words(kind)) + '</td><td>' + d.total + '</td><td>' + d.delivered + '</td><td>' + d.cancelled + '</td><td>'
      + d.inProgress + '</td></tr>').join('');
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
    time.textContent = new Date(event.time).toLocaleString();
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
    showLogin('The session has ended (the token expired): paste a new token to go on.');
  }

  async function listen() {
    try {
      const response = await fetch('/api/v1/dashboard/stream', { headers: Object.assign({ Accept: 'text/event-stream' }, headers()) });
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
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); $('feed').dataset.filled = ''; refresh(); });
  window.addEventListener('hashchange', () => { refreshCountry(); refreshBarriers(); });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));

  function start() {
    $('login').hidden = true;
    $('dashboard').hidden = false;
    refresh();
    listen();
  }

  if (token) { start(); } else { showLogin(); }
})();
