// The dashboard's world map: requests per country (GET /api/v1/dashboard's "countries") drawn with
// ECharts on the world's countries at 1:110m (world-atlas' TopoJSON, ids ISO 3166-1 numeric, turned
// into GeoJSON by topojson-client and named by their ISO alpha-2 code through i18n-iso-countries'
// codes.json). Every file comes from this application (/vendor/..., built from npm at build time):
// the page asks no other host for anything. The countries table is the map's text alternative; the
// map only repeats it, and choosing a country in the table (mouse or keyboard) shows it on the map.
//
//   WorldMap.render(element, rows, options)
//     rows:    [{country: 'KE', requests: 12, delivered: 3}, ...]
//     options: {language: 'fr', rtl: false, onSelect(code) {...}, names: {KE: 'Kenya', ...} (the
//               names to show, when the page has its own; else the browser's Intl.DisplayNames),
//               table: <table> whose links are #country=XX,
//               labels: {requests, delivered, summary, empty, notDrawn, unavailable}}
//               - labels are words in the page's language (English by default); summary takes
//               {countries}, {top} and {requests}, notDrawn takes {countries} (names and requests of the
//               countries too small for the map, also said in a note under it)
//   It answers a promise of the ECharts instance (null when the map's files could not be read).
(function () {
  'use strict';
  const ATLAS = '/vendor/world-atlas/2.0.2/countries-110m.json';
  const CODES = '/vendor/i18n-iso-countries/7.14.0/codes.json';
  const MAP = 'assistance-world';
  const ANTARCTICA = '010';
  const LABELS = {
    requests: 'Requests',
    delivered: 'Delivered',
    summary: 'World map of requests by country: {countries} countries, most in {top} ({requests} requests).'
      + ' The countries table gives the same figures.',
    empty: 'World map of requests by country: no request for this selection.',
    notDrawn: 'Not drawn at this scale (requests): {countries}.',
    unavailable: 'The world map could not be loaded; the countries table gives the figures.'
  };
  const maps = new Map(); // element -> {chart, state}
  let loading = null;

  async function json(url) {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) { throw new Error(url + ' ' + response.status); }
    return response.json();
  }

  // a ring that crosses the 180th meridian (Russia's with Chukotka, one of Fiji's) is drawn in one piece
  // east of it: on a flat map its points west of the meridian would join it across the whole world
  function unwrap(ring) {
    const crosses = ring.some((c, i) => i > 0 && Math.abs(c[0] - ring[i - 1][0]) > 180);
    return crosses ? ring.map((c) => (c[0] < 0 ? [c[0] + 360, c[1]] : c)) : ring;
  }

  function flat(geometry) {
    if (geometry && geometry.type === 'Polygon') {
      geometry.coordinates = geometry.coordinates.map(unwrap);
    } else if (geometry && geometry.type === 'MultiPolygon') {
      geometry.coordinates = geometry.coordinates.map((polygon) => polygon.map(unwrap));
    }
  }

  // the countries' shapes, registered once with ECharts; each feature is named by its alpha-2 code
  function load() {
    if (!loading) {
      loading = Promise.all([json(ATLAS), json(CODES)]).then(([topology, codes]) => {
        const alpha2 = new Map(codes.map((c) => [c[2], c[0]]));
        const world = topojson.feature(topology, topology.objects.countries);
        // Antarctica takes a fifth of the map and has no requests; a shape with no ISO code
        // (a territory the atlas draws apart) keeps a name no country row can have
        world.features = world.features.filter((f) => f.id !== ANTARCTICA);
        world.features.forEach((f, i) => {
          f.properties = { name: alpha2.get(f.id) || '~' + i };
          flat(f.geometry);
        });
        echarts.registerMap(MAP, world);
        return new Set(world.features.map((f) => f.properties.name));
      });
      loading.catch(() => { loading = null; }); // a later render tries again
    }
    return loading;
  }

  // "Kenya" for KE in the page's language; the code itself when the browser has no name for it
  function regionNames(language) {
    let names = null;
    try {
      names = new Intl.DisplayNames([language, 'en'], { type: 'region' });
    } catch (e) {
      names = null;
    }
    return (code) => {
      if (!/^[A-Z]{2}$/.test(code)) { return ''; }
      try {
        return (names && names.of(code)) || code;
      } catch (e) {
        return code;
      }
    };
  }

  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
  }

  function selected(table) {
    return (event) => {
      const link = event.target.closest && event.target.closest('a[href^="#country="]');
      return link && table.contains(link) ? decodeURIComponent(link.getAttribute('href').slice(9)).toUpperCase() : null;
    };
  }

  // the table's links show their country on the map when pointed at or reached with the keyboard
  function follow(state) {
    const table = state.options.table;
    if (!table || state.table === table) { return; }
    state.table = table;
    const code = selected(table);
    const show = (event) => {
      const country = code(event);
      if (!country || !state.drawn.has(country)) { return; }
      state.chart.dispatchAction({ type: 'downplay', seriesIndex: 0 });
      state.chart.dispatchAction({ type: 'highlight', seriesIndex: 0, name: country });
      state.chart.dispatchAction({ type: 'showTip', seriesIndex: 0, name: country });
    };
    const hide = (event) => {
      if (!code(event)) { return; }
      state.chart.dispatchAction({ type: 'downplay', seriesIndex: 0 });
      state.chart.dispatchAction({ type: 'hideTip' });
    };
    table.addEventListener('focusin', show);
    table.addEventListener('mouseover', show);
    table.addEventListener('focusout', hide);
    table.addEventListener('mouseout', hide);
  }

  // "Maldives 3, Mauritius 1" with the language's own separator
  function list(language, items) {
    try {
      return new Intl.ListFormat([language, 'en'], { type: 'unit', style: 'narrow' }).format(items);
    } catch (e) {
      return items.join(', ');
    }
  }

  // the note under the map; the map's summary (aria-label) says it too, so screen readers skip it
  function noteOf(element) {
    let note = element.nextElementSibling;
    if (!note || !note.classList.contains('map-note')) {
      note = document.createElement('p');
      note.className = 'map-note';
      note.setAttribute('aria-hidden', 'true');
      note.hidden = true;
      element.insertAdjacentElement('afterend', note);
    }
    return note;
  }

  async function render(element, rows, options) {
    let state = maps.get(element);
    if (!state) {
      state = { chart: null, options: {}, drawn: new Set(), figures: new Map() };
      maps.set(element, state);
      element.setAttribute('role', 'img');
      window.addEventListener('resize', () => state.chart && state.chart.resize());
    }
    state.options = options || {};
    if (!state.chart) {
      state.chart = echarts.init(element);
      // a country with requests opens its page
      state.chart.on('click', (p) => {
        if (state.figures.has(p.name) && state.options.onSelect) { state.options.onSelect(p.name); }
      });
    }
    const o = state.options;
    const labels = Object.assign({}, LABELS, o.labels || {});
    let drawn;
    try {
      drawn = await load();
    } catch (e) {
      element.setAttribute('aria-label', labels.unavailable);
      return null;
    }
    state.drawn = drawn;
    follow(state);
    const language = o.language || document.documentElement.lang || 'en';
    const browserName = regionNames(language);
    const name = (code) => (o.names && o.names[code]) || browserName(code);
    const number = new Intl.NumberFormat(language);
    const countries = (rows || []).filter((r) => r && /^[A-Z]{2}$/.test(r.country));
    state.figures = new Map(countries.map((r) => [r.country, r]));
    const onMap = countries.filter((r) => drawn.has(r.country));
    const max = Math.max(1, ...onMap.map((r) => r.requests));

    state.chart.setOption({
      tooltip: {
        trigger: 'item',
        // drawn on the canvas: ECharts' HTML tooltips carry style attributes the page's policy (CSP) refuses
        renderMode: 'richText',
        formatter: (p) => {
          const r = state.figures.get(p.name);
          const title = name(p.name);
          if (!title) { return ''; }
          return title + '\n' + labels.requests + ': ' + number.format(r ? r.requests : 0) + '\n'
            + labels.delivered + ': ' + number.format(r ? r.delivered : 0);
        }
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: max,
        seriesIndex: 0,
        calculable: false,
        orient: 'vertical',
        left: o.rtl ? null : 8,
        right: o.rtl ? 8 : null,
        bottom: 8,
        itemHeight: 100,
        text: [number.format(max), number.format(0)],
        inRange: { color: ['#cfe3ef', '#0b3d5c'] }
      },
      series: [{
        type: 'map',
        map: MAP,
        roam: false,
        selectedMode: false,
        top: 8,
        bottom: 8,
        itemStyle: { areaColor: '#e5e7eb', borderColor: '#fff', borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#d97706' } },
        data: onMap.map((r) => ({ name: r.country, value: r.requests }))
      }]
    }, { notMerge: true });

    const top = onMap.slice().sort((a, b) => b.requests - a.requests)[0];
    const notDrawn = countries.filter((r) => !drawn.has(r.country));
    const parts = [];
    if (top) {
      parts.push(fill(labels.summary, {
        countries: number.format(onMap.length),
        top: name(top.country) || top.country,
        requests: number.format(top.requests)
      }));
    } else if (!notDrawn.length) {
      parts.push(labels.empty);
    }
    // small island States and other countries the 1:110m atlas does not draw: named under the map
    const note = noteOf(element);
    note.hidden = !notDrawn.length;
    note.textContent = notDrawn.length ? fill(labels.notDrawn, {
      countries: list(language, notDrawn.map((r) => (name(r.country) || r.country) + ' ' + number.format(r.requests)))
    }) : '';
    if (notDrawn.length) { parts.push(note.textContent); }
    element.setAttribute('aria-label', parts.join(' '));
    element.dir = o.rtl ? 'rtl' : 'ltr';
    note.dir = element.dir;
    return state.chart;
  }

  window.WorldMap = { render: render };
})();
