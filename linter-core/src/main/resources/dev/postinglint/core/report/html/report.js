/* posting-lint HTML report. Builds the page from the JSON data block with createElement and textContent
   only: posting text is hostile input and never becomes markup. No network, no storage, no eval. */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var SEVERITIES = ['error', 'warning', 'info'];
  var SEVERITY_PLURAL = { error: 'Errors', warning: 'Warnings', info: 'Infos' };
  var SVG_NS = 'http://www.w3.org/2000/svg';

  /* ------------------------------------------------------------------ DOM helpers */

  /** An element; props: class, text, and plain attributes (never event handlers, never URLs). */
  function h(tag, props) {
    var e = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        var v = props[k];
        if (v === null || v === undefined) { return; }
        if (k === 'class') { e.className = v; }
        else if (k === 'text') { e.textContent = String(v); }
        else { e.setAttribute(k, String(v)); }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      append(e, arguments[i]);
    }
    return e;
  }

  function append(parent, child) {
    if (child === null || child === undefined || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(parent, c); }); return; }
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }

  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { e.textContent = String(text); }
    return e;
  }

  /** A link only for absolute http(s) URLs; anything else (javascript:, data:, relative) stays text. */
  function citation(url) {
    var parsed = null;
    try { parsed = new URL(url); } catch (err) { parsed = null; }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      return h('span', { class: 'mono', text: url });
    }
    var a = h('a', { rel: 'noopener noreferrer', target: '_blank', text: url });
    a.href = parsed.href;
    return a;
  }

  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  /* ------------------------------------------------------------------ summary */

  function renderMeta() {
    var meta = document.getElementById('meta');
    meta.textContent = 'As of ' + data.asOf + ' \u00b7 ' + (data.policies.length === 1 ? 'Policy' : 'Policies') +
      ': ' + (data.policies.length ? data.policies.join(', ') : 'none') + ' \u00b7 ' + data.tool.name + ' ' + data.tool.version;
    document.getElementById('footer-tool').textContent = data.tool.name + ' ' + data.tool.version;
  }

  function renderSummary() {
    var s = data.summary;
    var cards = document.getElementById('summary-cards');
    var items = [
      ['files', 'Postings checked', s.files, ''],
      ['passing', 'Postings passing', s.passing, 'pass'],
      ['failing', 'Postings failing', s.files - s.passing, s.files - s.passing > 0 ? 'error' : ''],
      ['errors', 'Errors', s.errors, 'error'],
      ['warnings', 'Warnings', s.warnings, 'warning'],
      ['infos', 'Infos', s.infos, 'info']
    ];
    if (s.waived) { items.push(['waived', 'Waived', s.waived, 'waived']); }
    if (s.suppressed) { items.push(['suppressed', 'Suppressed in the posting', s.suppressed, '']); }
    if (s.baselined) { items.push(['baselined', 'In the baseline (not shown)', s.baselined, '']); }
    items.forEach(function (it) {
      cards.appendChild(h('div', { class: 'card ' + it[3] },
        h('span', { class: 'num', 'data-stat': it[0], text: it[2] }),
        h('span', { class: 'label', text: it[1] })));
    });

    var facts = document.getElementById('run-facts');
    function fact(name, value) { facts.appendChild(h('dt', { text: name })); facts.appendChild(h('dd', null, value)); }
    fact('Policies', data.policies.length ? data.policies.join(', ') : 'none');
    fact('As of', data.asOf);
    fact('Tool', data.tool.name + ' ' + data.tool.version);
    fact('Rules that found something', String(data.rules.length));
    fact('Passing means', 'no error-level finding (warnings and infos are listed but do not fail a posting)');
    if (s.waived) {
      fact('Waived', 'findings a policy waiver accepts: listed with who approved them and until when, counted apart');
    }

    renderChart(document.getElementById('category-chart'));
  }

  function renderChart(host) {
    var cats = data.categories;
    if (!cats.length) {
      host.appendChild(h('p', { class: 'empty', text: 'No findings.' }));
      return;
    }
    var max = cats.reduce(function (m, c) { return Math.max(m, c.total); }, 1);
    var rowH = 26, labelW = 170, barW = 420, countW = 50, width = labelW + barW + countW;
    var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + (cats.length * rowH + 4), role: 'img',
      'aria-label': 'Findings by category' });
    cats.forEach(function (c, i) {
      var y = i * rowH + 4;
      var g = svg('g', { 'data-category': c.name });
      g.appendChild(svg('title', {}, c.name + ': ' + c.errors + ' errors, ' + c.warnings + ' warnings, ' + c.infos + ' infos'));
      g.appendChild(svg('text', { x: labelW - 8, y: y + 13, 'text-anchor': 'end', class: 'bar-label' }, c.name));
      var x = labelW;
      SEVERITIES.forEach(function (sev) {
        var n = c[sev + 's'];
        if (!n) { return; }
        var w = Math.max(2, n / max * barW);
        g.appendChild(svg('rect', { x: x, y: y + 2, width: w, height: rowH - 10, rx: 2, class: 'seg-' + sev }));
        x += w;
      });
      g.appendChild(svg('text', { x: x + 6, y: y + 13, class: 'bar-count' }, c.total));
      root.appendChild(g);
    });
    host.appendChild(root);
    host.appendChild(h('div', { class: 'legend' },
      SEVERITIES.map(function (sev) {
        return h('span', null, h('span', { class: 'swatch ' + sev }), SEVERITY_PLURAL[sev]);
      })));
  }

  /* ------------------------------------------------------------------ postings table and filters */

  var state = { sortKey: 'path', sortDir: 1, severity: '', category: '', rule: '', status: '', search: '' };
  var rows = [];

  function fillSelect(select, values, labelOf) {
    values.forEach(function (v) { select.appendChild(h('option', { value: v, text: labelOf ? labelOf(v) : v })); });
  }

  function setupFilters() {
    fillSelect(document.getElementById('f-severity'), SEVERITIES, function (s) { return SEVERITY_PLURAL[s]; });
    fillSelect(document.getElementById('f-category'), data.categories.map(function (c) { return c.name; }));
    fillSelect(document.getElementById('f-rule'), data.rules.map(function (r) { return r.id; }));
    ['f-severity', 'f-category', 'f-rule', 'f-status'].forEach(function (id) {
      document.getElementById(id).addEventListener('change', readFilters);
    });
    document.getElementById('f-search').addEventListener('input', readFilters);
    document.getElementById('f-reset').addEventListener('click', function () {
      ['f-severity', 'f-category', 'f-rule', 'f-status', 'f-search'].forEach(function (id) {
        document.getElementById(id).value = '';
      });
      readFilters();
    });
  }

  function readFilters() {
    state.severity = document.getElementById('f-severity').value;
    state.category = document.getElementById('f-category').value;
    state.rule = document.getElementById('f-rule').value;
    state.status = document.getElementById('f-status').value;
    state.search = document.getElementById('f-search').value.trim().toLowerCase();
    applyFilters();
  }

  function contains(s, q) { return s !== null && s !== undefined && String(s).toLowerCase().indexOf(q) >= 0; }

  function findingMatches(f, metaHit) {
    if (state.severity && f.severity !== state.severity) { return false; }
    if (state.category && f.category !== state.category) { return false; }
    if (state.rule && f.ruleId !== state.rule) { return false; }
    if (!state.search || metaHit) { return true; }
    return contains(f.message, state.search) || contains(f.ruleId, state.search) || contains(f.excerpt, state.search) ||
      contains(f.category, state.search);
  }

  function applyFilters() {
    var findingFilter = state.severity || state.category || state.rule;
    var shown = 0;
    data.files.forEach(function (p, i) {
      var metaHit = !state.search || contains(p.path, state.search) || contains(p.title, state.search) ||
        contains(p.location, state.search);
      var visible = p.findings.map(function (f) { return findingMatches(f, metaHit); });
      var any = visible.some(Boolean);
      var show = findingFilter ? any : (metaHit || any);
      if (state.status === 'pass' && !p.passes) { show = false; }
      if (state.status === 'fail' && p.passes) { show = false; }
      rows[i].classList.toggle('hidden-by-filter', !show);
      var section = document.getElementById(p.id);
      if (section) {
        section.classList.toggle('hidden-by-filter', !show || !any);
        section.querySelectorAll('.finding').forEach(function (el, j) {
          el.classList.toggle('hidden-by-filter', !visible[j]);
        });
      }
      if (show) { shown++; }
    });
    var parts = [];
    if (state.severity) { parts.push('severity ' + state.severity); }
    if (state.category) { parts.push('category ' + state.category); }
    if (state.rule) { parts.push('rule ' + state.rule); }
    if (state.status) { parts.push(state.status === 'pass' ? 'passing only' : 'failing only'); }
    if (state.search) { parts.push('search \u201c' + state.search + '\u201d'); }
    document.getElementById('f-summary').textContent = 'Showing ' + shown + ' of ' + plural(data.files.length, 'posting') +
      (parts.length ? ' (filtered by ' + parts.join(', ') + ')' : '') + '.';
    document.getElementById('details-empty').hidden = document.querySelector('#details-list .posting:not(.hidden-by-filter)') !== null;
  }

  var COLUMNS = [
    { key: 'path', label: 'Posting', cls: 'path' },
    { key: 'title', label: 'Title' },
    { key: 'location', label: 'Location' },
    { key: 'errors', label: 'Errors', cls: 'num', numeric: true },
    { key: 'warnings', label: 'Warnings', cls: 'num', numeric: true },
    { key: 'infos', label: 'Infos', cls: 'num', numeric: true },
    { key: 'status', label: 'Status' }
  ];

  function statusOf(p) { return p.ioError ? 'unreadable' : (p.passes ? 'pass' : 'fail'); }

  function renderTable() {
    var table = document.getElementById('postings-table');
    var headRow = h('tr');
    COLUMNS.forEach(function (c) {
      var btn = h('button', { type: 'button', text: c.label });
      var th = h('th', { scope: 'col', class: c.cls || null, 'data-key': c.key, 'aria-sort': 'none' }, btn);
      btn.addEventListener('click', function () { sortBy(c.key); });
      headRow.appendChild(th);
    });
    table.appendChild(h('thead', null, headRow));
    var body = h('tbody');
    data.files.forEach(function (p) {
      var pathCell = h('td', { class: 'path mono' });
      if (p.findings.length) {
        var a = h('a', { text: p.path });
        a.href = '#' + p.id;
        pathCell.appendChild(a);
      } else {
        pathCell.textContent = p.path;
      }
      var st = statusOf(p);
      var tr = h('tr', { 'data-id': p.id, 'data-status': st },
        pathCell,
        h('td', { text: p.title || '' }),
        h('td', { text: p.location || '' }),
        countCell(p.errors, 'errors'), countCell(p.warnings, 'warnings'), countCell(p.infos, 'infos'),
        h('td', null, h('span', { class: 'pill ' + st, text: st === 'unreadable' ? 'unreadable' : (st === 'pass' ? 'pass' : 'fail') })));
      rows.push(tr);
      body.appendChild(tr);
    });
    table.appendChild(body);
    sortBy('path', 1);
  }

  function countCell(n, key) {
    return h('td', { class: 'num' + (n ? '' : ' count-zero'), 'data-col': key, text: n });
  }

  function sortValue(p, key) {
    if (key === 'status') { return { unreadable: 0, fail: 1, pass: 2 }[statusOf(p)]; }
    var v = p[key];
    return v === null || v === undefined ? '' : v;
  }

  function sortBy(key, dir) {
    state.sortDir = dir || (state.sortKey === key ? -state.sortDir : (key === 'errors' || key === 'warnings' || key === 'infos' ? -1 : 1));
    state.sortKey = key;
    var col = COLUMNS.filter(function (c) { return c.key === key; })[0];
    var order = data.files.map(function (p, i) { return i; });
    order.sort(function (a, b) {
      var x = sortValue(data.files[a], key), y = sortValue(data.files[b], key);
      var c = col.numeric || key === 'status' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true, sensitivity: 'base' });
      if (c === 0) { c = data.files[a].path < data.files[b].path ? -1 : (data.files[a].path > data.files[b].path ? 1 : 0); return c; }
      return c * state.sortDir;
    });
    var body = document.querySelector('#postings-table tbody');
    order.forEach(function (i) { body.appendChild(rows[i]); });
    document.querySelectorAll('#postings-table thead th').forEach(function (th) {
      th.setAttribute('aria-sort', th.getAttribute('data-key') === key ? (state.sortDir > 0 ? 'ascending' : 'descending') : 'none');
    });
  }

  /* ------------------------------------------------------------------ per-posting findings */

  function renderDetails() {
    var list = document.getElementById('details-list');
    data.files.forEach(function (p) {
      if (!p.findings.length) { return; }
      var sub = [];
      if (p.title) { sub.push(p.title); }
      if (p.location) { sub.push('Location: ' + p.location); }
      sub.push('Policy: ' + p.policy);
      sub.push(plural(p.errors, 'error') + ', ' + plural(p.warnings, 'warning') + ', ' + plural(p.infos, 'info'));
      var section = h('section', { class: 'posting', id: p.id, 'aria-label': p.path },
        h('header', null, h('h3', { class: 'mono', text: p.path }), h('div', { class: 'sub', text: sub.join(' \u00b7 ') })));
      p.findings.forEach(function (f) { section.appendChild(renderFinding(f)); });
      list.appendChild(section);
    });
  }

  function renderFinding(f) {
    var art = h('article', { class: 'finding ' + f.severity + (f.waiver ? ' waived' : ''), 'data-rule': f.ruleId,
      'data-category': f.category, 'data-severity': f.severity });
    art.appendChild(h('div', { class: 'head' },
      h('span', { class: 'badge ' + f.severity, text: f.severity }),
      f.waiver ? h('span', { class: 'badge waived', text: 'waived' }) : null,
      h('code', { class: 'rule', text: f.ruleId }),
      h('span', { class: 'cat', text: f.category }),
      h('span', { class: 'where', text: whereText(f) })));
    art.appendChild(h('p', { class: 'msg', text: f.message }));
    if (f.source) {
      var s = f.source;
      art.appendChild(h('pre', { class: 'src' },
        h('span', { class: 'ln', text: f.line }),
        s.text.slice(0, s.start),
        h('mark', { text: s.text.slice(s.start, s.end) }),
        s.text.slice(s.end)));
    }
    if (f.excerpt) {
      art.appendChild(h('p', { class: 'line-note excerpt' }, h('span', { class: 'k', text: 'Matched text: ' }), h('q', { text: f.excerpt })));
    }
    if (f.fix) {
      art.appendChild(h('p', { class: 'line-note fix' }, h('span', { class: 'k', text: 'Fix: ' }), f.fix.description + ' ',
        h('span', { class: 'k', text: '(replacement: ' }), h('code', { text: f.fix.replacement }), h('span', { class: 'k', text: ')' })));
    }
    if (f.waiver) {
      art.appendChild(h('p', { class: 'line-note waiver' }, h('span', { class: 'k', text: 'Waived: ' }),
        'approved by ', h('strong', { class: 'approved-by', text: f.waiver.approvedBy }), ' until ',
        h('strong', { class: 'expires', text: f.waiver.expires }), ': ' + f.waiver.reason + ' ',
        h('span', { class: 'k', text: '(' + f.waiver.source + ')' })));
    }
    if (f.link) {
      art.appendChild(h('p', { class: 'line-note cite' }, h('span', { class: 'k', text: 'Why: ' }), citation(f.link)));
    }
    return art;
  }

  function whereText(f) {
    if (!f.excerpt) {
      return 'not found in the posting (reported at line ' + f.line + ', column ' + f.column + ')';
    }
    return 'line ' + f.line + ', column ' + f.column +
      (f.endLine !== f.line ? ' to line ' + f.endLine + ', column ' + f.endColumn : '');
  }

  /* ------------------------------------------------------------------ drift */

  function renderDrift() {
    var host = document.getElementById('drift-list');
    if (!data.drift.length) {
      host.appendChild(h('p', { class: 'empty', text: 'No boilerplate drift to show: no corpus-level rule reported any in this run.' }));
      return;
    }
    data.drift.forEach(function (g, gi) {
      var users = g.variants.reduce(function (n, v) { return n + v.postings.length; }, 0);
      var box = h('article', { class: 'drift-group', id: 'drift-' + gi, 'data-rule': g.ruleId },
        h('h3', null, g.block + ' ', h('code', { class: 'rule', text: '[' + g.ruleId + ']' })),
        h('p', { class: 'sub', text: plural(g.variants.length, 'variant') + ' across ' + plural(users, 'posting') + '; compared with the ' +
          (g.referenceKind === 'approved' ? 'approved text' : 'majority variant') + ':' }),
        h('blockquote', { class: 'reference', text: g.referenceText }));
      g.variants.forEach(function (v, vi) {
        var title = h('h4', { text: 'Variant ' + (vi + 1) + ' \u00b7 used by ' + plural(v.postings.length, 'posting') +
          ' \u00b7 ' + Math.round(v.similarity * 100) + '% similar' });
        if (v.isReference) { title.appendChild(h('span', { class: 'tag', text: 'reference' })); }
        var diff = h('p', { class: 'diff', 'aria-label': 'Word diff against the reference' });
        v.diff.forEach(function (t, ti) {
          if (ti > 0 && needsSpace(v.diff[ti - 1].text, t.text)) { diff.appendChild(document.createTextNode(' ')); }
          var tag = t.kind === 'added' ? 'ins' : (t.kind === 'removed' ? 'del' : 'span');
          diff.appendChild(h(tag, { text: t.text }));
        });
        var used = h('ul', { class: 'used-by' });
        v.postings.forEach(function (path) { used.appendChild(h('li', { class: 'mono', text: path })); });
        box.appendChild(h('div', { class: 'variant', 'data-postings': v.postings.length }, title, diff,
          h('div', { class: 'k', text: 'Used by:' }), used));
      });
      host.appendChild(box);
    });
  }

  /** Diff tokens are runs of words; a space goes between two runs unless one already has it. */
  function needsSpace(prev, next) {
    return prev.length > 0 && next.length > 0 && !/\s$/.test(prev) && !/^\s/.test(next);
  }

  /* ------------------------------------------------------------------ go */

  renderMeta();
  renderSummary();
  renderTable();
  renderDetails();
  renderDrift();
  setupFilters();
  applyFilters();
  document.documentElement.setAttribute('data-ready', 'true');
}());
