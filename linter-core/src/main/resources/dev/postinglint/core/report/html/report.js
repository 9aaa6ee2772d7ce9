/* posting-lint HTML report. Builds the page from the JSON data block with createElement and textContent
   only: posting text is hostile input and never becomes markup. No network, no storage, no eval. */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var SEVERITIES = ['error', 'warning', 'info'];
  var PAGE_SIZE = 100;
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

  /* ------------------------------------------------------------------ data */

  /* The data block is compact (see HtmlReporter): strings once, postings and findings as arrays. Postings are
     decoded up front (a few numbers each); a posting's findings only when its details are drawn. */
  var S = data.strings;
  function str(i) { return i < 0 ? null : S[i]; }
  var PLACES_SHOWN = 8;

  /* Names, messages and source lines come from untrusted files: a control character or a bidirectional
     override (which can make text read differently from what it is, "Trojan Source") is drawn as a visible
     escape, as the terminal output writes it (TerminalText): \x1b, \u202e. Messages and source keep their
     line breaks and tabs; a source line is escaped piece by piece, so the marked range stays where it was. */
  var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  var UNSAFE_KEEPING_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  function escapeChar(c) {
    var n = c.charCodeAt(0);
    return n <= 0xff ? '\\x' + ('0' + n.toString(16)).slice(-2) : '\\u' + ('000' + n.toString(16)).slice(-4);
  }
  function visible(s) { return s === null || s === undefined ? s : String(s).replace(UNSAFE, escapeChar); }
  function visibleKeepingLines(s) { return s === null || s === undefined ? s : String(s).replace(UNSAFE_KEEPING_LINES, escapeChar); }

  var files = data.files.map(function (a, i) {
    return { id: 'posting-' + (i + 1), path: visible(str(a[0])), title: visible(str(a[1])), location: visible(str(a[2])),
      policy: visible(str(a[3])),
      ioError: a[4] === 1, passes: a[5] === 1, errors: a[6], warnings: a[7], infos: a[8], waived: a[9], raw: a[10] };
  });

  function finding(a) {
    var rule = data.rules[a[0]];
    var src = a[11] < 0 ? null : { text: S[a[11]], start: a[12], end: a[13] };
    var excerpt = a[7] >= 0 ? S[a[7]] : (src ? src.text.slice(src.start, src.end) : null);
    return { ruleId: rule.id, category: rule.category, severity: SEVERITIES[a[1]], message: visibleKeepingLines(S[a[2]]), line: a[3], column: a[4],
      endLine: a[5], endColumn: a[6], excerpt: excerpt, link: str(a[8]),
      fix: a[9] < 0 ? null : { description: S[a[9]], replacement: str(a[10]) }, source: src,
      waiver: a[14] < 0 ? null : data.waivers[a[14]], related: a[15] || [] };
  }

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

  /* ------------------------------------------------------------------ what to fix first */

  function renderFixFirst() {
    var table = document.getElementById('fix-first-table');
    if (!data.rules.length) {
      table.replaceWith(h('p', { class: 'empty', text: 'No findings: nothing to fix.' }));
      return;
    }
    table.appendChild(h('thead', null, h('tr', null,
      ['Rule', 'Severity', 'Postings affected', 'Findings', 'Fixable', 'Category', 'Why'].map(function (t, i) {
        return h('th', { scope: 'col', class: i >= 2 && i <= 4 ? 'num' : null, text: t });
      }))));
    var body = h('tbody');
    data.rules.forEach(function (r) {
      var pick = h('button', { type: 'button', class: 'link-button mono', text: r.id });
      pick.addEventListener('click', function () {
        document.getElementById('f-rule').value = r.id;
        readFilters();
        document.getElementById('postings').scrollIntoView();
      });
      body.appendChild(h('tr', { 'data-rule': r.id },
        h('td', { class: 'rule' }, pick),
        h('td', null, h('span', { class: 'badge ' + r.severity, text: r.severity })),
        h('td', { class: 'num', 'data-col': 'postings', text: r.postings }),
        h('td', { class: 'num', 'data-col': 'findings', text: r.findings }),
        h('td', { class: 'num' + (r.fixable ? '' : ' count-zero'), 'data-col': 'fixable', text: r.fixable }),
        h('td', { text: r.category }),
        h('td', { class: 'cite' }, r.link ? citation(r.link) : '')));
    });
    table.appendChild(body);
  }

  /* ------------------------------------------------------------------ filters, kept in the URL */

  var DEFAULTS = { severity: '', category: '', rule: '', status: '', q: '', sort: 'path', dir: 1, page: 1 };
  var state = Object.assign({}, DEFAULTS);
  var FILTERS = { severity: 'f-severity', category: 'f-category', rule: 'f-rule', status: 'f-status', q: 'f-search' };

  function fillSelect(select, values, labelOf) {
    values.forEach(function (v) { select.appendChild(h('option', { value: v, text: labelOf ? labelOf(v) : v })); });
  }

  /** "#severity=warning&rule=eeo-statement-present&page=2": the filters a reviewer can send as a link. */
  function readHash() {
    var hash = location.hash.replace(/^#/, '');
    if (hash.indexOf('=') < 0) { return false; }
    var params = new URLSearchParams(hash);
    Object.keys(DEFAULTS).forEach(function (k) {
      var v = params.get(k);
      state[k] = v === null ? DEFAULTS[k] : (typeof DEFAULTS[k] === 'number' ? (parseInt(v, 10) || DEFAULTS[k]) : v);
    });
    Object.keys(FILTERS).forEach(function (k) {
      var el = document.getElementById(FILTERS[k]);
      el.value = state[k];
      if (el.value !== state[k]) { el.value = ''; state[k] = ''; } /* an unknown rule or category in a link */
    });
    return true;
  }

  function writeHash() {
    var params = new URLSearchParams();
    Object.keys(DEFAULTS).forEach(function (k) {
      if (state[k] !== DEFAULTS[k]) { params.set(k, String(state[k])); }
    });
    var text = params.toString();
    if (text !== location.hash.replace(/^#/, '')) {
      history.replaceState(null, '', text ? '#' + text : location.pathname + location.search);
    }
  }

  function setupFilters() {
    fillSelect(document.getElementById('f-category'), data.categories.map(function (c) { return c.name; }));
    fillSelect(document.getElementById('f-rule'), data.rules.map(function (r) { return r.id; }).slice().sort());
    ['f-severity', 'f-category', 'f-rule', 'f-status'].forEach(function (id) {
      document.getElementById(id).addEventListener('change', readFilters);
    });
    document.getElementById('f-search').addEventListener('input', readFilters);
    document.getElementById('f-reset').addEventListener('click', function () {
      Object.keys(FILTERS).forEach(function (k) { document.getElementById(FILTERS[k]).value = ''; });
      readFilters();
    });
    document.getElementById('page-prev').addEventListener('click', function () { state.page--; render(); });
    document.getElementById('page-next').addEventListener('click', function () { state.page++; render(); });
    window.addEventListener('hashchange', function () { if (readHash()) { render(); } });
  }

  function readFilters() {
    Object.keys(FILTERS).forEach(function (k) {
      var v = document.getElementById(FILTERS[k]).value;
      state[k] = k === 'q' ? v.trim() : v;
    });
    state.page = 1;
    render();
  }

  function contains(s, q) { return s !== null && s !== undefined && String(s).toLowerCase().indexOf(q) >= 0; }

  /** Whether a finding (an array of the data block) passes the severity threshold, category and rule filters. */
  function rawMatches(a, q, metaHit) {
    if (state.severity && a[1] > SEVERITIES.indexOf(state.severity)) { return false; }
    var rule = data.rules[a[0]];
    if (state.category && rule.category !== state.category) { return false; }
    if (state.rule && rule.id !== state.rule) { return false; }
    if (!q || metaHit) { return true; }
    return contains(S[a[2]], q) || contains(rule.id, q) || contains(rule.category, q) || contains(str(a[7]), q) ||
      (a[11] >= 0 && contains(S[a[11]].slice(a[12], a[13]), q));
  }

  function fileMatches(p, q) {
    var metaHit = !q || contains(p.path, q) || contains(p.title, q) || contains(p.location, q);
    var any = p.raw.some(function (a) { return rawMatches(a, q, metaHit); });
    var show = state.severity || state.category || state.rule ? any : (metaHit || any);
    if (state.status === 'pass' && !p.passes) { show = false; }
    if (state.status === 'fail' && p.passes) { show = false; }
    return { show: show, metaHit: metaHit };
  }

  /* ------------------------------------------------------------------ postings table, one page at a time */

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

  function setupTable() {
    var table = document.getElementById('postings-table');
    var headRow = h('tr');
    COLUMNS.forEach(function (c) {
      var btn = h('button', { type: 'button', text: c.label });
      var th = h('th', { scope: 'col', class: c.cls || null, 'data-key': c.key, 'aria-sort': 'none' }, btn);
      btn.addEventListener('click', function () { sortBy(c.key); });
      headRow.appendChild(th);
    });
    table.appendChild(h('thead', null, headRow));
    table.appendChild(h('tbody'));
  }

  function sortValue(p, key) {
    if (key === 'status') { return { unreadable: 0, fail: 1, pass: 2 }[statusOf(p)]; }
    var v = p[key];
    return v === null || v === undefined ? '' : v;
  }

  function sortBy(key) {
    state.dir = state.sort === key ? -state.dir : (key === 'errors' || key === 'warnings' || key === 'infos' ? -1 : 1);
    state.sort = key;
    state.page = 1;
    render();
  }

  function sorted(list) {
    var key = COLUMNS.some(function (c) { return c.key === state.sort; }) ? state.sort : 'path';
    var col = COLUMNS.filter(function (c) { return c.key === key; })[0];
    var dir = state.dir < 0 ? -1 : 1;
    return list.slice().sort(function (a, b) {
      var x = sortValue(a, key), y = sortValue(b, key);
      var c = col.numeric || key === 'status' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true, sensitivity: 'base' });
      if (c === 0) { return a.path < b.path ? -1 : (a.path > b.path ? 1 : 0); }
      return c * dir;
    });
  }

  function countCell(n, key) {
    return h('td', { class: 'num' + (n ? '' : ' count-zero'), 'data-col': key, text: n });
  }

  function row(p) {
    var pathCell = h('td', { class: 'path mono' });
    if (p.raw.length) {
      var a = h('a', { text: p.path });
      a.href = '#' + p.id;
      /* The URL keeps the filters: jump to the posting without replacing them. */
      a.addEventListener('click', function (ev) {
        ev.preventDefault();
        var target = document.getElementById(p.id);
        if (target) { target.scrollIntoView(); }
      });
      pathCell.appendChild(a);
    } else {
      pathCell.textContent = p.path;
    }
    var st = statusOf(p);
    return h('tr', { 'data-id': p.id, 'data-status': st },
      pathCell,
      h('td', { text: p.title || '' }),
      h('td', { text: p.location || '' }),
      countCell(p.errors, 'errors'), countCell(p.warnings, 'warnings'), countCell(p.infos, 'infos'),
      h('td', null, h('span', { class: 'pill ' + st, text: st })));
  }

  function render() {
    var q = state.q.toLowerCase();
    var shown = [];
    var hits = {};
    files.forEach(function (p) {
      var m = fileMatches(p, q);
      if (m.show) { shown.push(p); hits[p.id] = m.metaHit; }
    });
    shown = sorted(shown);
    var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    state.page = Math.min(Math.max(1, state.page), pages);
    var page = shown.slice((state.page - 1) * PAGE_SIZE, state.page * PAGE_SIZE);

    var body = document.querySelector('#postings-table tbody');
    body.replaceChildren.apply(body, page.map(row));
    document.querySelectorAll('#postings-table thead th').forEach(function (th) {
      th.setAttribute('aria-sort', th.getAttribute('data-key') === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    });
    document.getElementById('page-info').textContent = 'Page ' + state.page + ' of ' + pages;
    document.getElementById('page-prev').disabled = state.page <= 1;
    document.getElementById('page-next').disabled = state.page >= pages;

    var parts = [];
    if (state.severity) { parts.push(state.severity === 'error' ? 'severity error' : 'severity ' + state.severity + ' and above'); }
    if (state.category) { parts.push('category ' + state.category); }
    if (state.rule) { parts.push('rule ' + state.rule); }
    if (state.status) { parts.push(state.status === 'pass' ? 'passing only' : 'failing only'); }
    if (state.q) { parts.push('search \u201c' + q + '\u201d'); }
    document.getElementById('f-summary').textContent = 'Showing ' + shown.length + ' of ' + plural(files.length, 'posting') +
      (parts.length ? ' (filtered by ' + parts.join(', ') + ')' : '') + '.' +
      (pages > 1 ? ' Rows ' + ((state.page - 1) * PAGE_SIZE + 1) + '\u2013' + ((state.page - 1) * PAGE_SIZE + page.length) + '.' : '');

    renderDetails(page, q, hits);
    writeHash();
  }

  /* ------------------------------------------------------------------ per-posting findings (this page only) */

  function renderDetails(page, q, hits) {
    var list = document.getElementById('details-list');
    var sections = [];
    page.forEach(function (p) {
      var matching = p.raw.filter(function (a) { return rawMatches(a, q, hits[p.id]); });
      if (!matching.length) { return; }
      var sub = [];
      if (p.title) { sub.push(p.title); }
      if (p.location) { sub.push('Location: ' + p.location); }
      sub.push('Policy: ' + p.policy);
      sub.push(plural(p.errors, 'error') + ', ' + plural(p.warnings, 'warning') + ', ' + plural(p.infos, 'info'));
      var section = h('section', { class: 'posting', id: p.id, 'aria-label': p.path },
        h('header', null, h('h3', { class: 'mono', text: p.path }), h('div', { class: 'sub', text: sub.join(' \u00b7 ') })));
      matching.forEach(function (a) { section.appendChild(renderFinding(finding(a))); });
      sections.push(section);
    });
    list.replaceChildren.apply(list, sections);
    document.getElementById('details-empty').hidden = sections.length > 0;
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
        visibleKeepingLines(s.text.slice(0, s.start)),
        h('mark', { text: visibleKeepingLines(s.text.slice(s.start, s.end)) }),
        visibleKeepingLines(s.text.slice(s.end))));
    }
    if (f.excerpt) {
      art.appendChild(h('p', { class: 'line-note excerpt' }, h('span', { class: 'k', text: 'Matched text: ' }), h('q', { text: visibleKeepingLines(f.excerpt) })));
    }
    var others = f.related.length / 2;
    if (others > 0) {
      /* Reported once per posting: the other places, the first few by line and column. */
      var shown = [];
      for (var i = 0; i < Math.min(others, PLACES_SHOWN); i++) { shown.push(f.related[2 * i] + ':' + f.related[2 * i + 1]); }
      art.appendChild(h('p', { class: 'line-note places' }, h('span', { class: 'k', text: 'Also at: ' }),
        shown.join(', ') + (others > PLACES_SHOWN ? ' and ' + (others - PLACES_SHOWN) + ' more' : '') +
        ' (' + (others + 1) + ' places, one finding for the posting)'));
    }
    if (f.fix) {
      art.appendChild(h('p', { class: 'line-note fix' }, h('span', { class: 'k', text: others > 0 ? 'Fix (every place): ' : 'Fix: ' }), f.fix.description + ' ',
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

  /* A corpus has a thousand drift groups with tens of thousands of diff tokens: the first DRIFT_OPEN groups are
     drawn, the others on request, and a variant lists at most USED_BY_SHOWN of its postings. */
  var DRIFT_OPEN = 20;
  var USED_BY_SHOWN = 50;

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
          (g.referenceKind === 'approved' ? 'approved text' : g.referenceKind === 'newest' ? 'newest variant' : 'majority variant') + ':' }),
        h('blockquote', { class: 'reference', text: g.referenceText }));
      if (gi < DRIFT_OPEN) {
        renderVariants(box, g);
      } else {
        var more = h('button', { type: 'button', class: 'link-button show-variants', text: 'Show the ' + plural(g.variants.length, 'variant') });
        more.addEventListener('click', function () { more.remove(); renderVariants(box, g); });
        box.appendChild(more);
      }
      host.appendChild(box);
    });
  }

  function renderVariants(box, g) {
    g.variants.forEach(function (v, vi) {
      var title = h('h4', { text: 'Variant ' + (vi + 1) + ' \u00b7 used by ' + plural(v.postings.length, 'posting') +
        ' \u00b7 ' + Math.round(v.similarity * 100) + '% similar' });
      if (v.isReference) { title.appendChild(h('span', { class: 'tag', text: 'reference' })); }
      var diff = h('p', { class: 'diff', 'aria-label': 'Word diff against the reference' });
      v.diff.forEach(function (t, ti) {
        if (ti > 0 && needsSpace(v.diff[ti - 1][1], t[1])) { diff.appendChild(document.createTextNode(' ')); }
        diff.appendChild(h(['span', 'ins', 'del'][t[0]], { text: t[1] }));
      });
      var used = h('ul', { class: 'used-by' });
      v.postings.slice(0, USED_BY_SHOWN).forEach(function (p) {
        used.appendChild(h('li', { class: 'mono', text: typeof p === 'number' ? files[p].path : visible(p) }));
      });
      if (v.postings.length > USED_BY_SHOWN) {
        used.appendChild(h('li', { class: 'k', text: 'and ' + plural(v.postings.length - USED_BY_SHOWN, 'more posting') }));
      }
      box.appendChild(h('div', { class: 'variant', 'data-postings': v.postings.length }, title, diff,
        h('div', { class: 'k', text: 'Used by:' }), used));
    });
  }

  /** Diff tokens are runs of words; a space goes between two runs unless one already has it. */
  function needsSpace(prev, next) {
    return prev.length > 0 && next.length > 0 && !/\s$/.test(prev) && !/^\s/.test(next);
  }

  /* ------------------------------------------------------------------ go */

  renderMeta();
  renderSummary();
  renderFixFirst();
  setupTable();
  setupFilters();
  readHash();
  render();
  renderDrift();
  document.documentElement.setAttribute('data-ready', 'true');
}());
