// Statistics: defect rates by department, doctor, rule or defect class over time; grade distribution; top rules;
// the 2021 national timeliness indicators; per-rule precision from verdicts. Charts, tables and CSV for each.
import { h, field, select } from '../dom.js';
import { t, label, bilingual, percent, current } from '../i18n.js';
import { get, query } from '../api.js';
import { pageHeader } from '../ui.js';
import { barsH, lines, donut, PALETTE } from '../charts.js';

const GROUPS = ['department', 'doctor', 'rule', 'defectClass'];
const INTERVALS = ['day', 'week', 'month'];
const GRADE_COLORS = { '甲': '#059669', '乙': '#d97706', '丙': '#dc2626' };

export async function render(container, ctx) {
  if (ctx.parts[1] === 'indicator' && ctx.parts[2]) return drillDown(container, ctx, decodeURIComponent(ctx.parts[2]));
  const q = { groupBy: 'department', interval: 'month', ...ctx.query };
  const params = { from: q.from, to: q.to, groupBy: q.groupBy, interval: q.interval };
  const body = h('div', h('div.loading', { role: 'status' }, t('common.loading')));
  container.append(pageHeader(t('stats.title'), t('stats.subtitle')), controls(q, ctx), body);
  const data = await get(`/api/v1/stats${query(params)}`);
  if (!ctx.alive()) return;
  const csv = (table) => h('a.btn.btn-sm.btn-ghost', { href: `/api/v1/stats.csv${query({ ...params, table })}`, download: `emrqc-${table}.csv`,
    testid: `csv-${table}` }, '⤓ ', t('common.downloadCsv'));
  const keyLabel = (k) => (k === '' ? t('filter.noDepartment') : q.groupBy === 'defectClass' ? label('defectClass', k) : k);

  body.replaceChildren(
    kpis(data.totals),
    h('div.stats-grid',
      defects(data, q, keyLabel, csv),
      grades(data, csv),
      topRules(data, csv),
      timeliness(data, csv),
      indicators(data, q, keyLabel, csv),
      precision(data, csv)));
}

function controls(q, ctx) {
  const from = h('input', { type: 'date', name: 'from', value: q.from || '', testid: 'stats-from' });
  const to = h('input', { type: 'date', name: 'to', value: q.to || '', testid: 'stats-to' });
  const groupBy = select(GROUPS.map((g) => [g, t(`stats.group.${g}`)]), q.groupBy, { name: 'groupBy', testid: 'stats-group' });
  const interval = select(INTERVALS.map((i) => [i, t(`stats.interval.${i}`)]), q.interval, { name: 'interval', testid: 'stats-interval' });
  const apply = (e) => {
    e.preventDefault();
    ctx.navigate(`#/stats${query({ from: from.value, to: to.value, groupBy: groupBy.value, interval: interval.value })}`);
  };
  [groupBy, interval, from, to].forEach((el) => el.addEventListener('change', apply));
  return h('form.filters.stats-controls', { on: { submit: apply }, testid: 'stats-controls' },
    field(t('filter.from'), from), field(t('filter.to'), to), field(t('stats.groupBy'), groupBy), field(t('stats.interval'), interval),
    h('div.filter-actions', h('button.btn.btn-primary', { type: 'submit', testid: 'stats-apply' }, t('common.apply'))));
}

function kpis(totals) {
  const kpi = (k, v, testid, cls) => h('div.kpi', { class: cls }, h('div.kpi-value', { testid }, v), h('div.kpi-label', t(k)));
  return h('div.kpis', { testid: 'stats-kpis' },
    kpi('stats.records', String(totals.records), 'stats-records'),
    kpi('stats.defective', String(totals.defective), 'stats-defective'),
    kpi('stats.defectRate', percent(totals.defectRate), 'stats-defect-rate', 'kpi-accent'),
    kpi('stats.findings', String(totals.findings), 'stats-findings'));
}

function card(titleText, csvLink, testid, ...content) {
  return h('section.card', { testid }, h('div.card-head', h('h2', titleText), csvLink), content);
}

function table(headers, rows, testid, rowAttrs) {
  return h('div.table-scroll', h('table.data.compact', { testid },
    h('thead', h('tr', headers.map((x, i) => h('th', { scope: 'col', class: rows.length && numeric(rows[0][i]) ? 'num' : null }, x)))),
    h('tbody', rows.map((r, i) => h('tr', rowAttrs ? rowAttrs(i) : {}, r.map((c) => h('td', { class: numeric(c) ? 'num' : null }, c)))))));
}

function numeric(c) {
  return typeof c === 'number' || (typeof c === 'string' && /^(\d+(\.\d+)?%?|—|n\/a)$/.test(c));
}

function defects(data, q, keyLabel, csv) {
  const rows = data.defectRates;
  const title = t('stats.defectRates', { group: t(`stats.group.${q.groupBy}`) });
  if (!rows.length) return card(title, csv('defects'), 'stats-defects', h('p.empty', t('stats.noData')));
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  // over the whole range: for department and doctor every record has one key, so records add up per key; for rule
  // and defect class a row's records are all records of its period, so the denominator is the sum over periods
  const perRecordKey = q.groupBy === 'department' || q.groupBy === 'doctor';
  const periodTotals = new Map(rows.map((r) => [r.period, r.records]));
  const allRecords = [...periodTotals.values()].reduce((a, b) => a + b, 0);
  const agg = new Map();
  for (const r of rows) {
    const a = agg.get(r.key) || { records: 0, defective: 0 };
    if (perRecordKey) a.records += r.records;
    else a.records = allRecords;
    a.defective += r.defective;
    agg.set(r.key, a);
  }
  const overall = [...agg.entries()].map(([k, a]) => ({ key: k, rate: a.records ? a.defective / a.records : 0, ...a }))
    .sort((a, b) => b.rate - a.rate).slice(0, 12);
  const top = overall.slice(0, 6).map((o) => o.key);
  const series = top.map((k) => ({ name: keyLabel(k), points: Object.fromEntries(rows.filter((r) => r.key === k).map((r) => [r.period, r.rate])) }));
  return card(title, csv('defects'), 'stats-defects',
    h('div.chart-pair',
      h('div', h('h3.chart-title', t('stats.trend')), lines(series, periods, { format: (v) => `${Math.round(v * 100)}%`, title: t('stats.trend'), testid: 'chart-trend' })),
      h('div', h('h3.chart-title', t('stats.overall')), barsH(overall.map((o, i) => ({ label: keyLabel(o.key), value: o.rate, text: `${percent(o.rate)} (${o.defective}/${o.records})`,
        color: PALETTE[top.indexOf(o.key) >= 0 ? top.indexOf(o.key) : (i % PALETTE.length)] })), { max: 1, title: t('stats.overall'), testid: 'chart-defects' }))),
    h('details.table-details', h('summary', `${t('stats.period')} × ${t(`stats.group.${q.groupBy}`)}`),
      table([t('stats.period'), t(`stats.group.${q.groupBy}`), t('stats.recordsCol'), t('stats.defective'), t('stats.rate')],
        rows.map((r) => [r.period, keyLabel(r.key), r.records, r.defective, percent(r.rate)]), 'stats-defects-table')));
}

function grades(data, csv) {
  const g = data.gradeDistribution || {};
  const parts = ['甲', '乙', '丙'].map((k) => ({ label: t('grade.label', { g: k }), value: g[k] || 0, color: GRADE_COLORS[k] }));
  return card(t('stats.grades'), csv('grades'), 'stats-grades',
    donut(parts, { title: t('stats.grades'), testid: 'chart-grades', center: t('stats.recordsCol') }),
    table([t('col.grade'), t('stats.recordsCol')], ['甲', '乙', '丙'].map((k) => [t('grade.label', { g: k }), g[k] || 0]), 'stats-grades-table',
      (i) => ({ dataset: { grade: ['甲', '乙', '丙'][i] } })));
}

function topRules(data, csv) {
  const rows = data.topRules || [];
  if (!rows.length) return card(t('stats.topRules'), csv('rules'), 'stats-rules', h('p.empty', t('stats.noData')));
  return card(t('stats.topRules'), csv('rules'), 'stats-rules',
    barsH(rows.map((r) => ({ label: r.ruleId, value: r.findings, color: PALETTE[1] })), { title: t('stats.topRules'), testid: 'chart-rules', labelWidth: 190 }),
    table([t('stats.ruleCol'), t('stats.titleCol'), t('stats.findingsCol'), t('stats.recordsCol')],
      rows.map((r) => [h('a', { href: `#/worklist?rule=${encodeURIComponent(r.ruleId)}` }, h('code', r.ruleId)), bilingual(r.title), r.findings, r.records]),
      'stats-rules-table'));
}

function timeliness(data, csv) {
  const rows = data.timeliness || [];
  return card(t('stats.timeliness'), csv('timeliness'), 'stats-timeliness',
    barsH(rows.map((r) => ({ label: label('indicatorShort', r.indicator), value: r.rate ?? 0, text: r.records ? `${percent(r.rate)} (${r.within24h}/${r.records})` : t('stats.notApplicable'),
      color: PALETTE[4] })), { max: 1, title: t('stats.timeliness'), testid: 'chart-timeliness' }),
    table([t('stats.indicator'), t('stats.recordsCol'), t('stats.within24h'), t('stats.rate')],
      rows.map((r) => [label('indicator', r.indicator), r.records, r.within24h, percent(r.rate)]), 'stats-timeliness-table'));
}

// the 2021 national indicators a record's data and findings decide: rate, numerator / denominator, and the records
function indicators(data, q, keyLabel, csv) {
  const rows = data.indicators || [];
  if (!rows.length) return card(t('stats.indicators'), csv('indicators'), 'stats-indicators', h('p.empty', t('stats.noData')));
  const link = (r, numerator) => `#/stats/indicator/${encodeURIComponent(r.code)}${query({ from: q.from, to: q.to, numerator })}`;
  const byGroup = q.groupBy === 'department' || q.groupBy === 'doctor';
  return card(t('stats.indicators'), csv('indicators'), 'stats-indicators',
    barsH(rows.map((r) => ({ label: `${r.number}. ${localized(r.name)}`, value: r.rate ?? 0,
      text: r.denominator ? `${percent(r.rate)} (${r.numerator}/${r.denominator})` : t('stats.notApplicable'),
      color: r.occurrence ? PALETTE[1] : PALETTE[4] })), { max: 1, title: t('stats.indicators'), testid: 'chart-indicators', labelWidth: 230 }),
    table([t('stats.indicatorNo'), t('stats.indicator'), t('stats.denominator'), t('stats.numerator'), t('stats.rate'), t('stats.recordsCol')],
      rows.map((r) => [r.number, h('span', localized(r.name), r.occurrence ? h('span.muted', ` (${t('stats.lowerIsBetter')})`) : null), r.denominator, r.numerator,
        percent(r.rate), r.denominator ? h('span', h('a', { href: link(r), testid: 'indicator-records' }, t('stats.viewRecords')), ' · ',
          h('a', { href: link(r, String(!!r.occurrence)) }, t('stats.viewNonConforming'))) : '—']),
      'stats-indicators-table', (i) => ({ dataset: { code: rows[i].code } })),
    h('details.table-details', h('summary', `${t('stats.period')} × ${byGroup ? t(`stats.group.${q.groupBy}`) : t('stats.indicator')}`),
      table([t('stats.indicator'), t('stats.period'), byGroup ? t(`stats.group.${q.groupBy}`) : '', t('stats.denominator'), t('stats.numerator'), t('stats.rate')],
        rows.flatMap((r) => r.groups.map((g) => [`${r.number}. ${localized(r.name)}`, g.period, byGroup ? keyLabel(g.key) : '', g.denominator, g.numerator,
          percent(g.rate)])), 'stats-indicators-groups')),
    h('p.muted', t('stats.indicatorsNote')));
}

// drill-down: the records in one indicator's denominator, why each is there, and the findings that decide it
async function drillDown(container, ctx, code) {
  const q = ctx.query || {};
  const params = { from: q.from, to: q.to, department: q.department, doctor: q.doctor, numerator: q.numerator };
  const [data, stats] = await Promise.all([get(`/api/v1/stats/indicators/${encodeURIComponent(code)}/records${query(params)}`),
    get(`/api/v1/stats${query({ from: q.from, to: q.to })}`)]);
  if (!ctx.alive()) return;
  const ind = (stats.indicators || []).find((i) => i.code === code) || { name: { zh: code, en: code }, number: '' };
  const back = h('a.btn.btn-ghost', { href: `#/stats${query({ from: q.from, to: q.to })}` }, '← ', t('stats.title'));
  const rows = data.records;
  container.append(pageHeader(`${ind.number}. ${localized(ind.name)}`, `${code} · ${t('stats.denominator')} ${ind.denominator ?? '—'} · ${t('stats.numerator')} ${ind.numerator ?? '—'} · ${percent(ind.rate)}`, back),
    h('section.card', { testid: 'indicator-drilldown' },
      rows.length ? table([t('col.patient'), t('stats.group.department'), t('stats.group.doctor'), t('stats.inNumerator'), t('stats.why'), t('stats.decidingFindings')],
        rows.map((r) => [h('a', { href: `#/records/${encodeURIComponent(r.recordId)}` }, r.patientName || r.recordId), r.department || '—', r.attending || '—',
          r.inNumerator ? '✓' : '✗', localized(r.why), r.findings.length ? h('span', r.findings.map((f) => h('div', h('code', f.ruleId), ' ', bilingual(f.title)))) : '—']),
        'indicator-records-table', (i) => ({ testid: 'indicator-record', dataset: { record: rows[i].recordId, numerator: String(rows[i].inNumerator) } }))
        : h('p.empty', t('stats.noData'))));
}

// a {zh, en} text in the UI language
function localized(o) {
  return o ? (o[current()] || o.zh || o.en || '') : '';
}

function precision(data, csv) {
  const rows = data.precision || [];
  if (!rows.length) return card(t('stats.precision'), csv('precision'), 'stats-precision', h('p.empty', { testid: 'stats-precision-empty' }, t('stats.noVerdicts')));
  return card(t('stats.precision'), csv('precision'), 'stats-precision',
    barsH(rows.map((r) => ({ label: r.ruleId, value: r.precision ?? 0, text: `${percent(r.precision)} (${r.confirmed}/${r.confirmed + r.dismissed})`,
      color: (r.precision ?? 0) < 0.5 ? PALETTE[1] : PALETTE[4] })), { max: 1, title: t('stats.precision'), testid: 'chart-precision', labelWidth: 190 }),
    table([t('stats.ruleCol'), t('stats.confirmed'), t('stats.dismissed'), t('stats.precisionCol')],
      rows.map((r) => [h('code', r.ruleId), r.confirmed, r.dismissed, percent(r.precision)]), 'stats-precision-table',
      (i) => ({ testid: 'precision-row', dataset: { rule: rows[i].ruleId, confirmed: String(rows[i].confirmed), dismissed: String(rows[i].dismissed) } })));
}
