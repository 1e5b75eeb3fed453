// Worklist: records with findings, filtered, sorted and paged, with counts (facets) per severity, defect class, grade, status.
import { h, field, select } from '../dom.js';
import { t, label, formatTime, current } from '../i18n.js';
import { get, query } from '../api.js';
import { gradeBadge, statusPill, pageHeader, score } from '../ui.js';

const SEVERITIES = ['high', 'moderate', 'low'];
const DEFECT_CLASSES = ['incomplete', 'inconsistent', 'incorrect', 'unreasonable', 'untimely'];
const STATUSES = ['open', 'in_review', 'returned', 'closed'];
const GRADES = ['甲', '乙', '丙'];
const FILTERS = ['department', 'attending', 'region', 'rule', 'defectClass', 'severity', 'status', 'grade', 'from', 'to'];
const COLUMNS = [
  ['patientName', 'col.patient'], ['department', 'col.department'], ['attending', 'col.attending'], [null, 'col.region'],
  ['grade', 'col.grade'], ['score', 'col.score'], ['findings', 'col.findings'], ['status', 'col.status'], ['checkedAt', 'col.checkedAt'],
];
const knownDepartments = new Set();

export async function render(container, ctx) {
  const q = { sort: 'checkedAt', dir: 'desc', page: '0', size: '20', ...ctx.query };
  const go = (changes) => {
    const next = { ...q, ...changes };
    for (const k of Object.keys(next)) if (next[k] === '' || next[k] === null || next[k] === undefined) delete next[k];
    ctx.navigate(`#/worklist${query(next)}`);
  };
  const body = h('div.worklist-body', h('div.loading', { role: 'status' }, t('common.loading')));
  container.append(pageHeader(t('worklist.title'), t('worklist.subtitle')), body);

  const params = {};
  for (const k of [...FILTERS, 'sort', 'dir', 'page', 'size']) if (q[k]) params[k] = q[k];
  const data = await get(`/api/v1/worklist${query(params)}`);
  if (!ctx.alive()) return;
  Object.keys(data.facets.department || {}).forEach((d) => knownDepartments.add(d));
  if (q.department) knownDepartments.add(q.department);

  body.replaceChildren(filters(q, data, go), facets(q, data, go), table(q, data, go), pager(q, data, go));
}

function filters(q, data, go) {
  const apply = (e) => {
    e.preventDefault();
    const form = e.target.closest('form');
    const changes = { page: '0' };
    for (const k of FILTERS) changes[k] = form.elements[k].value.trim();
    go(changes);
  };
  const count = (facet, k) => (data.facets[facet] && data.facets[facet][k] !== undefined ? ` (${data.facets[facet][k]})` : '');
  const sel = (name, values, group) => select([['', t('common.all')], ...values.map((v) => [v, (group ? label(group, v) : v) + count(name, v)])],
    q[name], { name, testid: `filter-${name}`, on: { change: apply } });
  const text = (name) => h('input', { name, value: q[name] || '', testid: `filter-${name}`, type: 'search', autocomplete: 'off' });
  const date = (name) => h('input', { name, value: q[name] || '', testid: `filter-${name}`, type: 'date', on: { change: apply } });
  const depts = [...knownDepartments].sort();
  const deptSelect = select([['', t('common.all')], ...depts.filter((d) => d !== '').map((d) => [d, d + count('department', d)])],
    q.department, { name: 'department', testid: 'filter-department', on: { change: apply } });
  return h('form.filters', { testid: 'worklist-filters', 'aria-label': t('worklist.filters'), on: { submit: apply } },
    field(t('filter.department'), deptSelect),
    field(t('filter.attending'), text('attending')),
    field(t('filter.region'), text('region')),
    ruleField(text('rule')),
    field(t('filter.defectClass'), sel('defectClass', DEFECT_CLASSES, 'defectClass')),
    field(t('filter.severity'), sel('severity', SEVERITIES, 'severity')),
    field(t('filter.status'), sel('status', STATUSES, 'recordStatus')),
    field(t('filter.grade'), sel('grade', GRADES, null)),
    field(t('filter.from'), date('from')),
    field(t('filter.to'), date('to')),
    h('div.filter-actions',
      h('button.btn.btn-primary', { type: 'submit', testid: 'filter-apply' }, t('common.apply')),
      h('button.btn', { type: 'button', testid: 'filter-reset', on: { click: () => go(Object.fromEntries([...FILTERS, 'page'].map((k) => [k, '']))) } },
        t('common.reset'))));
}

/** The rule filter stays free text (an id or its start) with the rules in effect offered as suggestions. */
function ruleField(input) {
  const list = h('datalist', { id: 'rule-suggestions', testid: 'rule-suggestions' });
  input.setAttribute('list', 'rule-suggestions');
  const wrapper = field(t('filter.rule'), input);
  wrapper.append(list);
  get('/api/v1/rules').then((r) => {
    for (const rule of r.rules) list.append(h('option', { value: rule.id }, `${rule.id} — ${current() === 'zh' ? rule.titleZh || rule.titleEn : rule.titleEn || rule.titleZh}`));
  }).catch(() => { /* suggestions are optional: the filter works without them */ });
  return wrapper;
}

function facets(q, data, go) {
  const group = (name, values, labelGroup, cls) => {
    const counts = data.facets[name] || {};
    return h('div.facet', { testid: `facet-${name}` },
      h('span.facet-title', t(`facet.${name}`)),
      values.filter((v) => counts[v]).map((v) => {
        const active = q[name] === v;
        return h('button.chip', { type: 'button', class: [cls ? `${cls}-${v}` : null, active ? 'active' : null].filter(Boolean).join(' '),
          'aria-pressed': active ? 'true' : 'false', testid: `facet-${name}-${v}`,
          on: { click: () => go({ [name]: active ? '' : v, page: '0' }) } },
        labelGroup ? label(labelGroup, v) : v, h('span.chip-count', String(counts[v])));
      }));
  };
  return h('div.facets', { testid: 'worklist-facets' },
    group('severity', SEVERITIES, 'severity', 'chip-sev'),
    group('defectClass', DEFECT_CLASSES, 'defectClass'),
    group('grade', GRADES, null, 'chip-grade'),
    group('status', STATUSES, 'recordStatus'));
}

function table(q, data, go) {
  const head = h('tr', COLUMNS.map(([key, text]) => {
    if (!key) return h('th', { scope: 'col' }, t(text));
    const active = q.sort === key;
    const dir = active ? q.dir : null;
    return h('th', { scope: 'col', 'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none' },
      h('button.sort', { type: 'button', testid: `sort-${key}`, on: { click: () => go({ sort: key, dir: active && dir === 'desc' ? 'asc' : 'desc', page: '0' }) } },
        t(text), h('span.sort-icon', { 'aria-hidden': 'true' }, active ? (dir === 'asc' ? '▲' : '▼') : '↕')));
  }));
  const rows = data.items.map((r) => h('tr', { testid: 'worklist-row', dataset: { recordId: r.recordId } },
    h('td', h('a.record-link', { href: `#/records/${encodeURIComponent(r.recordId)}`, testid: 'worklist-open' }, r.patientName || r.patientRef || r.recordId),
      h('div.sub', r.patientRef || '')),
    h('td', r.department || '—'),
    h('td', r.attending || '—'),
    h('td', r.region || '—'),
    h('td', gradeBadge(r.grade)),
    h('td.num', score(r.score)),
    h('td.num', h('span', { class: r.openFindings ? 'open-count' : 'muted' }, String(r.openFindings)), ' / ', String(r.findings)),
    h('td', statusPill('recordStatus', r.status)),
    h('td.nowrap', formatTime(r.checkedAt))));
  const tableEl = h('table.data', { testid: 'worklist-table' }, h('thead', head), h('tbody', rows));
  return h('div.card.table-card',
    h('div.card-head', h('h2', { testid: 'worklist-total', dataset: { total: String(data.total) } }, t('worklist.total', { n: data.total }))),
    data.items.length ? h('div.table-scroll', tableEl) : h('p.empty', { testid: 'worklist-empty' }, t('worklist.empty')));
}

function pager(q, data, go) {
  const size = Number(data.size) || 20;
  const pages = Math.max(1, Math.ceil(data.total / size));
  const page = Number(data.page) || 0;
  return h('nav.pager', { 'aria-label': 'pagination' },
    h('button.btn', { type: 'button', testid: 'pager-prev', disabled: page <= 0, on: { click: () => go({ page: String(page - 1) }) } }, '‹ ', t('worklist.prev')),
    h('span.pager-info', { testid: 'pager-info' }, t('worklist.page', { page: page + 1, pages })),
    h('button.btn', { type: 'button', testid: 'pager-next', disabled: page + 1 >= pages, on: { click: () => go({ page: String(page + 1) }) } }, t('worklist.next'), ' ›'),
    field(t('worklist.size'), select([10, 20, 50, 100].map((n) => [String(n), String(n)]), String(size),
      { testid: 'pager-size', on: { change: (e) => go({ size: e.target.value, page: '0' }) } }), { class: 'inline' }));
}
