// What every panel of the dashboard has: its chart's data as a table for screen readers (and for
// the CSV), and two exports: CSV of its tables (UTF-8 with a byte order mark, so that a spreadsheet
// reads Arabic, Chinese and Russian right) and PNG of its chart. Buttons are named in the language.
(function () {
  'use strict';
  const t = (key, values) => window.I18n.t(key, values);

  function cellText(cell) { return cell.textContent.replace(/\s+/g, ' ').trim(); }

  // a chart's data as a table: caption, header row, body rows (each cell a text)
  function table(id, caption, headers, rows) {
    const element = document.getElementById(id);
    element.replaceChildren();
    const captionElement = element.createCaption();
    captionElement.textContent = caption;
    const head = element.createTHead().insertRow();
    headers.forEach((h) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      head.appendChild(th);
    });
    const body = element.createTBody();
    rows.forEach((r) => {
      const row = body.insertRow();
      r.forEach((value, i) => {
        const cell = i === 0 ? document.createElement('th') : document.createElement('td');
        if (i === 0) { cell.scope = 'row'; }
        cell.textContent = value;
        row.appendChild(cell);
      });
    });
  }

  function quote(value) { return /[",;\n\r]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value; }

  // the panel's data: every table in it (drawn or for screen readers), else its list
  function csv(panel) {
    const lines = [];
    const heading = panel.querySelector('h2');
    if (heading) { lines.push(quote(cellText(heading))); }
    panel.querySelectorAll('table').forEach((tableElement) => {
      if (tableElement.closest('[hidden]')) { return; }
      lines.push('');
      if (tableElement.caption) { lines.push(quote(cellText(tableElement.caption))); }
      tableElement.querySelectorAll('tr').forEach((tr) => {
        lines.push([...tr.cells].map((c) => quote(cellText(c))).join(','));
      });
    });
    panel.querySelectorAll('ol > li, ul > li').forEach((li) => {
      lines.push([...li.childNodes].map((n) => quote(n.textContent.trim())).join(','));
    });
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
  }

  function stamp() { return new Date().toISOString().slice(0, 10); }

  function download(href, name) {
    const link = document.createElement('a');
    link.href = href;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    document.body.dataset.lastExport = name;
  }

  function exportCsv(panel) {
    const url = URL.createObjectURL(new Blob([csv(panel)], { type: 'text/csv;charset=utf-8' }));
    download(url, panel.id + '-' + stamp() + '.csv');
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function exportPng(panel) {
    const chart = window.echarts && echarts.getInstanceByDom(panel.querySelector('.plot'));
    if (!chart) { return; }
    download(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), panel.id + '-' + stamp() + '.png');
  }

  function button(kind, panel) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'export ' + kind;
    b.textContent = kind === 'csv' ? 'CSV' : 'PNG';
    b.addEventListener('click', () => (kind === 'csv' ? exportCsv(panel) : exportPng(panel)));
    return b;
  }

  function name() {
    document.querySelectorAll('.chart .exports button').forEach((b) => {
      const panel = b.closest('.chart');
      const title = cellText(panel.querySelector('h2'));
      b.setAttribute('aria-label', t(b.classList.contains('csv') ? 'export.csv' : 'export.png', { panel: title }));
    });
  }

  function tools() {
    document.querySelectorAll('section.chart').forEach((panel) => {
      if (panel.querySelector('.exports')) { return; }
      const bar = document.createElement('div');
      bar.className = 'exports';
      bar.appendChild(button('csv', panel));
      if (panel.querySelector('.plot')) { bar.appendChild(button('png', panel)); }
      panel.querySelector('h2').after(bar);
    });
    name();
  }

  window.Panels = { table: table, csv: csv, tools: tools, name: name, exportCsv: exportCsv, exportPng: exportPng };
  tools();
  window.I18n.onChange(() => setTimeout(name, 0));
})();
