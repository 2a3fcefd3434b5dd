// The page's six languages (those of the United Nations): the dictionaries (i18n/<lang>.js, each
// calling I18n.add), the reader's choice (remembered in localStorage; at first the browser's
// languages, else English), <html lang dir> (Arabic right to left), numbers, dates and money in
// the language's own way (Intl), and Accept-Language on every request to this origin, so that the
// server's own words (summaries, problems, names) come back in the same language.
(function () {
  'use strict';
  const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
  const KEY = 'assistance.lang';
  const dictionaries = {};
  const listeners = [];

  function supported(tag) {
    const base = String(tag || '').toLowerCase().split('-')[0];
    return LANGUAGES.includes(base) ? base : null;
  }

  function initial() {
    let stored = null;
    try { stored = supported(localStorage.getItem(KEY)); } catch (e) { stored = null; }
    if (stored) { return stored; }
    const preferred = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language])
      .map(supported).filter(Boolean);
    return preferred[0] || 'en';
  }

  let lang = initial();

  // a key missing in a language reads in English; a key missing everywhere reads as itself
  function t(key, values) {
    const own = dictionaries[lang] && dictionaries[lang][key];
    const text = own !== undefined ? own : (dictionaries.en && dictionaries.en[key]);
    if (text === undefined) { return key; }
    return values ? text.replace(/\{(\w+)\}/g, (m, name) => (values[name] === undefined ? m : values[name])) : text;
  }

  function has(key) { return !!(dictionaries.en && dictionaries.en[key] !== undefined); }

  // a code of a vocabulary (stage.APPROVED, assistance-type.TRAINING) by its name, else the code in words
  function code(vocabulary, value) {
    if (value === null || value === undefined || value === '') { return '–'; }
    const key = vocabulary + '.' + value;
    return has(key) ? t(key) : String(value).replace(/_/g, ' ');
  }

  function rtl() { return lang === 'ar'; }

  function number(value, options) {
    if (value === null || value === undefined || value === '' || isNaN(Number(value))) { return '–'; }
    return new Intl.NumberFormat(lang, options).format(Number(value));
  }

  function count(value) { return number(value, { maximumFractionDigits: 0 }); }

  function decimal(value) { return number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }); }

  // the server's percentages are 0..100
  function percent(value) {
    return value === null || value === undefined ? '–'
      : number(Number(value) / 100, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  function money(amount, currency) {
    if (amount === null || amount === undefined) { return '–'; }
    try {
      return number(amount, { style: 'currency', currency: currency, currencyDisplay: 'code' });
    } catch (e) {
      return number(amount, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' ' + currency;
    }
  }

  // a day (2027-07-10) is a calendar day, not an instant: formatted in UTC so it never moves
  function date(day) {
    if (!day) { return '–'; }
    const d = new Date(String(day).length === 10 ? day + 'T00:00:00Z' : day);
    return isNaN(d) ? String(day) : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
  }

  function dateTime(instant) {
    const d = new Date(instant);
    return isNaN(d) ? String(instant) : new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'medium' }).format(d);
  }

  function unit(value, name) {
    return number(value, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 1 });
  }

  // the page's own words: data-i18n (text), data-i18n-label (aria-label), data-i18n-title, data-i18n-placeholder
  function translate(root) {
    const scope = root || document;
    scope.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
    scope.querySelectorAll('[data-i18n-label]').forEach((e) => { e.setAttribute('aria-label', t(e.dataset.i18nLabel)); });
    scope.querySelectorAll('[data-i18n-title]').forEach((e) => { e.setAttribute('title', t(e.dataset.i18nTitle)); });
    scope.querySelectorAll('[data-i18n-placeholder]').forEach((e) => { e.setAttribute('placeholder', t(e.dataset.i18nPlaceholder)); });
  }

  function apply() {
    document.documentElement.lang = lang;
    document.documentElement.dir = rtl() ? 'rtl' : 'ltr';
    document.title = t('app.title');
    translate(document);
    const picker = document.getElementById('lang');
    if (picker) { picker.value = lang; }
  }

  function use(tag) {
    const chosen = supported(tag) || 'en';
    try { localStorage.setItem(KEY, chosen); } catch (e) { /* private mode: this page only */ }
    if (chosen === lang) { return; }
    lang = chosen;
    apply();
    listeners.forEach((listener) => listener(lang));
  }

  // every request to this origin says the reader's language (unless it says one itself)
  const send = window.fetch.bind(window);
  window.fetch = function (resource, init) {
    const options = Object.assign({}, init);
    const headers = new Headers(options.headers || {});
    if (!headers.has('Accept-Language')) { headers.set('Accept-Language', lang); }
    options.headers = headers;
    return send(resource, options);
  };

  window.I18n = {
    LANGUAGES: LANGUAGES,
    add: (tag, dictionary) => { dictionaries[tag] = Object.assign(dictionaries[tag] || {}, dictionary); },
    lang: () => lang,
    rtl: rtl,
    t: t,
    has: has,
    code: code,
    number: number,
    count: count,
    decimal: decimal,
    percent: percent,
    money: money,
    date: date,
    dateTime: dateTime,
    unit: unit,
    translate: translate,
    apply: apply,
    use: use,
    onChange: (listener) => listeners.push(listener)
  };
})();
