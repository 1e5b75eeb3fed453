// Rule packs (admins): versions and the one in force; a version's regions and effective rules with the origin of
// each setting; draft editing per region or hospital; validation, publishing, diff, activation / rollback, shadow
// runs, import / export, knowledge tables; and the rule-quality report (#/packs/quality).
import { h, clear, field, select } from '../dom.js';
import { t, label, formatTime, current } from '../i18n.js';
import { get, post, put, del, upload } from '../api.js';
import { errorBox, toast, pageHeader } from '../ui.js';

const BASE = '/api/v1/admin/packs';
const enc = encodeURIComponent;
const vpath = (pack, version) => `${BASE}/${enc(pack)}/versions/${enc(version)}`;

export async function render(container, ctx) {
  const [, a, b] = ctx.parts;
  if (a === 'quality') return renderQuality(container, ctx);
  if (a && b) return renderVersion(container, ctx, a, b);
  return renderList(container, ctx);
}

/** Problems of a validation or a refused request, as a list naming file and line. */
function problemList(problems) {
  if (!problems || !problems.length) return null;
  return h('ul.problems', { testid: 'problems' }, problems.map((p) => h('li', { testid: 'problem', dataset: { stage: p.stage || '' } },
    p.file ? h('code', `${p.file}${p.line ? `:${p.line}` : ''}`) : null, p.file ? ' ' : null,
    p.message, ' ', h('span.tag', label('packs.stage', p.stage)))));
}

function failure(e, testid = 'packs-error') {
  const box = errorBox(e, testid);
  const list = problemList(e && e.problems);
  if (list) box.append(list);
  return box;
}

function statusTag(v) {
  return h('span.tag', { class: v.status === 'published' ? 'tag-region' : null, testid: 'version-status' }, label('packs.status', v.status));
}

// ------------------------------------------------------------------------------------------------ list

async function renderList(container, ctx) {
  const errorEl = h('div', { 'aria-live': 'polite' });
  const data = await get(BASE);
  if (!ctx.alive()) return;
  container.append(pageHeader(t('packs.title'), t('packs.subtitle'),
    h('a.btn', { href: '#/packs/quality', testid: 'quality-link' }, t('packs.quality'))));
  container.append(h('p', { testid: 'packs-serving' }, t('packs.serving'), ' ', h('strong', data.serving)), errorEl);
  for (const p of data.packs) {
    const active = p.active ? p.active.version : null;
    const activeIndex = p.versions.findIndex((v) => v.version === active);
    const rows = p.versions.map((v, i) => h('tr', { testid: 'pack-version-row', dataset: { version: v.version, status: v.status, active: String(!!v.active) } },
      h('td', h('a', { href: `#/packs/${enc(p.packId)}/${enc(v.version)}`, testid: 'version-open' }, h('strong', v.version)),
        v.active ? h('span.tag.tag-veto', { testid: 'version-active' }, t('packs.active')) : null),
      h('td', statusTag(v)),
      h('td', v.valid === null || v.valid === undefined ? '—' : v.valid ? t('packs.valid') : h('span.overdue', t('packs.invalid'))),
      h('td', v.parentVersion || '—'),
      h('td', v.note || '—'),
      h('td', h('div', v.createdBy), h('div.sub', formatTime(v.createdAt))),
      h('td', v.publishedAt ? [h('div', v.publishedBy), h('div.sub', formatTime(v.publishedAt))] : '—'),
      h('td.nowrap',
        h('button.btn.btn-sm', { type: 'button', testid: 'draft-create', on: { click: async () => {
          clear(errorEl);
          try {
            const d = await post(`${BASE}/${enc(p.packId)}/drafts`, { from: v.version });
            toast(t('packs.draftCreated', { v: d.version }));
            ctx.navigate(`#/packs/${enc(p.packId)}/${enc(d.version)}`);
          } catch (e) { errorEl.append(failure(e)); }
        } } }, t('packs.newDraft')),
        v.status === 'published' && !v.active ? h('button.btn.btn-sm', { type: 'button', testid: 'version-activate', on: { click: async () => {
          clear(errorEl);
          try {
            const r = await post(`${vpath(p.packId, v.version)}/activate`);
            toast(t('packs.activated', { v: r.serving }));
            ctx.navigate('#/packs');
          } catch (e) { errorEl.append(failure(e)); }
        } } }, activeIndex >= 0 && i > activeIndex ? t('packs.rollback') : t('packs.activate')) : null,
        h('a.btn.btn-sm.btn-ghost', { href: `${vpath(p.packId, v.version)}/export`, download: `${p.packId}-${v.version}.zip`, testid: 'version-export' }, t('packs.export')))));
    container.append(h('div.card.table-card', h('div.card-head', h('h2', p.packId), p.active
      ? h('span.muted', t('packs.activeSince', { v: p.active.version, by: p.active.activatedBy, at: formatTime(p.active.at) })) : null),
    h('div.table-scroll', h('table.data', { testid: 'packs-table', dataset: { pack: p.packId } },
      h('thead', h('tr', ['packs.version', 'packs.status', 'packs.validation', 'packs.parent', 'packs.note', 'packs.created', 'packs.published', 'packs.actions']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', rows)))));
  }
  container.append(importForm(ctx, errorEl));
}

function importForm(ctx, errorEl) {
  const file = h('input', { type: 'file', accept: '.zip,application/zip', testid: 'import-file' });
  const version = h('input', { testid: 'import-version', placeholder: '2026.12.0' });
  const form = h('form', { on: { submit: async (e) => {
    e.preventDefault();
    clear(errorEl);
    if (!file.files.length) { errorEl.append(h('div.alert.alert-error', { role: 'alert', testid: 'packs-error' }, t('packs.importChoose'))); return; }
    try {
      const q = version.value.trim() ? `?version=${enc(version.value.trim())}` : '';
      const d = await upload('POST', `${BASE}/import${q}`, file.files[0], 'application/zip');
      toast(t('packs.imported', { v: d.label }));
      ctx.navigate(`#/packs/${enc(d.packId)}/${enc(d.version)}`);
    } catch (err) { errorEl.append(failure(err)); }
  } } },
  h('div.form-grid', field(t('packs.importFile'), file), field(t('packs.importVersion'), version, { hint: t('packs.importVersionHint') })),
  h('div.row', h('button.btn.btn-primary', { type: 'submit', testid: 'import-submit' }, t('packs.import'))));
  return h('details.card', { testid: 'pack-import' }, h('summary', t('packs.importTitle')), form);
}

// ------------------------------------------------------------------------------------------------ one version

async function renderVersion(container, ctx, pack, version) {
  const v = await get(vpath(pack, version));
  const regions = await get(`${vpath(pack, version)}/regions`);
  if (!ctx.alive()) return;
  const draft = v.status === 'draft';
  const region = ctx.query.region || (regions.find((r) => r.code === 'CN-GD') || regions[0]).code;
  const here = (q) => `#/packs/${enc(pack)}/${enc(version)}?region=${enc(q.region || region)}`;
  const errorEl = h('div', { 'aria-live': 'polite' });
  const reportEl = h('div', { testid: 'validation-area' });
  const extraEl = h('div');

  container.append(pageHeader(`${pack}@${version}`, null,
    h('a.btn.btn-ghost', { href: '#/packs', testid: 'packs-back' }, t('packs.back'))));
  container.append(h('div.card', { testid: 'version-summary', dataset: { status: v.status, active: String(!!v.active) } },
    h('div.kv-grid',
      h('div', h('span.muted', t('packs.status')), ' ', statusTag(v), v.active ? h('span.tag.tag-veto', { testid: 'version-active' }, t('packs.active')) : null),
      h('div', h('span.muted', t('packs.parent')), ' ', v.parentVersion || '—'),
      h('div', h('span.muted', t('packs.created')), ' ', v.createdBy, ' · ', formatTime(v.createdAt)),
      v.publishedAt ? h('div', h('span.muted', t('packs.published')), ' ', v.publishedBy, ' · ', formatTime(v.publishedAt)) : null,
      h('div', h('span.muted', 'sha256'), ' ', h('code.small', v.sha256.slice(0, 16) + '…'))),
    v.note ? h('p', v.note) : null,
    h('div.row', actions(ctx, v, errorEl, reportEl, extraEl))));
  container.append(errorEl, reportEl, extraEl);
  if (v.validation) reportEl.append(validationCard(v.validation, !v.validationCurrent));

  // region picker and, for drafts, a new hospital region and knowledge-table upload
  const picker = select(regions.map((r) => [r.code, `${r.code} · ${r.chain}`]), region, { testid: 'region-select', 'aria-label': t('packs.region'),
    on: { change: (e) => ctx.navigate(here({ region: e.target.value })) } });
  const tools = h('div.card', h('div.form-grid', field(t('packs.region'), picker)));
  if (draft) tools.append(regionForm(ctx, pack, version, region, errorEl, here), knowledgeForm(pack, version, errorEl), ruleSheetForm(pack, version, errorEl));
  container.append(tools);

  const rules = await get(`${vpath(pack, version)}/regions/${enc(region)}/rules`);
  if (!ctx.alive()) return;
  container.append(rulesTable(ctx, pack, version, rules, draft, errorEl));
}

function actions(ctx, v, errorEl, reportEl, extraEl) {
  const path = vpath(v.packId, v.version);
  const run = (fn) => async (e) => {
    const b = e.currentTarget;
    clear(errorEl);
    b.disabled = true;
    try { await fn(); } catch (err) { errorEl.append(failure(err)); } finally { b.disabled = false; }
  };
  const out = [];
  if (v.status === 'draft') {
    out.push(h('button.btn', { type: 'button', testid: 'validate', on: { click: run(async () => {
      reportEl.replaceChildren(h('div.loading', { role: 'status' }, t('packs.validating')));
      const report = await post(`${path}/validate`);
      reportEl.replaceChildren(validationCard(report, false));
    }) } }, t('packs.validate')));
    const newVersion = h('input', { testid: 'publish-version', placeholder: v.version, 'aria-label': t('packs.publishVersion'), size: 12 });
    out.push(newVersion);
    out.push(h('button.btn.btn-primary', { type: 'button', testid: 'publish', on: { click: run(async () => {
      reportEl.replaceChildren(h('div.loading', { role: 'status' }, t('packs.validating')));
      try {
        const p = await post(`${path}/publish`, { version: newVersion.value.trim() || null });
        toast(t('packs.publishedToast', { v: p.label }));
        ctx.navigate(`#/packs/${enc(p.packId)}/${enc(p.version)}`);
      } catch (e) {
        reportEl.replaceChildren();
        if (e.problems) reportEl.append(h('div.card', { testid: 'publish-refused' }, h('h2', t('packs.publishRefused')), failure(e, 'publish-error')));
        else throw e;
      }
    }) } }, t('packs.publish')));
    out.push(h('button.btn.btn-danger', { type: 'button', testid: 'draft-delete', on: { click: run(async () => {
      await del(path);
      toast(t('packs.deleted', { v: v.label }));
      ctx.navigate('#/packs');
    }) } }, t('packs.delete')));
  } else if (!v.active) {
    out.push(h('button.btn.btn-primary', { type: 'button', testid: 'activate', on: { click: run(async () => {
      const r = await post(`${path}/activate`);
      toast(t('packs.activated', { v: r.serving }));
      ctx.navigate(location.hash);
    }) } }, t('packs.activate')));
  }
  out.push(h('button.btn', { type: 'button', testid: 'diff-show', on: { click: run(async () => {
    const d = await get(`${path}/diff`);
    extraEl.replaceChildren(diffCard(d));
  }) } }, t('packs.diff')));
  const last = h('input', { type: 'number', min: 1, max: 5000, value: 200, testid: 'shadow-last', 'aria-label': t('packs.shadowLast'), style: 'width:6em' });
  out.push(h('span.nowrap', h('button.btn', { type: 'button', testid: 'shadow-run', on: { click: run(async () => {
    extraEl.replaceChildren(h('div.loading', { role: 'status' }, t('packs.shadowRunning')));
    const s = await post(`${path}/shadow`, { last: Number(last.value) || 200 });
    extraEl.replaceChildren(shadowCard(s));
  }) } }, t('packs.shadow')), ' ', last));
  out.push(h('a.btn.btn-ghost', { href: `${path}/export`, download: `${v.packId}-${v.version}.zip`, testid: 'export' }, t('packs.export')));
  return out;
}

function validationCard(r, stale) {
  return h('div.card', { testid: 'validation-report', dataset: { ok: String(r.ok) } },
    h('div.card-head', h('h2', t('packs.validationTitle')),
      r.ok ? h('span.status.st-closed', { testid: 'validation-ok' }, t('packs.valid')) : h('span.status.st-returned', { testid: 'validation-failed' }, t('packs.invalid'))),
    stale ? h('p.muted', t('packs.validationStale')) : null,
    h('p.muted', t('packs.validationSummary', { rules: r.rules, templates: r.templates, regions: r.regions,
      passed: r.fixtures ? r.fixtures.passed : 0, run: r.fixtures ? r.fixtures.run : 0, ms: r.totalMillis })),
    problemList(r.problems),
    (r.notes || []).length ? h('ul.notes', r.notes.map((n) => h('li.muted', n))) : null);
}

function diffCard(d) {
  const regionBlocks = (d.regions || []).filter((r) => (r.rules || []).length || (r.regionSettings || []).length || r.status !== 'unchanged').map((r) =>
    h('div', { testid: 'diff-region', dataset: { region: r.region } }, h('h3', r.region, ' ', h('span.tag', r.status)),
      h('table.data', h('tbody', (r.rules || []).flatMap((c) => (c.settings && c.settings.length ? c.settings : [{ setting: c.change }]).map((s) =>
        h('tr', { testid: 'diff-setting', dataset: { rule: c.rule, setting: s.setting } },
          h('td', h('code.rule-id', c.rule)), h('td', s.setting), h('td', fmt(s.before), ' → ', h('strong', fmt(s.after))),
          h('td', s.originBefore || s.originAfter ? [h('span.tag', s.originBefore || '—'), ' → ', h('span.tag.tag-region', s.originAfter || '—')] : null))))))));
  const files = (d.files || []).map((f) => h('details', { testid: 'diff-file', dataset: { path: f.path } },
    h('summary', h('code', f.path), ' ', h('span.tag', f.change), f.text ? ` +${f.linesAdded} −${f.linesRemoved}` : ''),
    f.diff ? h('pre.small', f.diff) : null));
  return h('div.card', { testid: 'diff' }, h('div.card-head', h('h2', t('packs.diffTitle', { before: d.before, after: d.after }))),
    regionBlocks.length ? regionBlocks : h('p.muted', t('packs.diffNoRules')),
    h('h3', t('packs.diffFiles')), files.length ? files : h('p.muted', t('common.none')));
}

function shadowCard(s) {
  const c = s.comparison;
  const examples = (list, kind) => (list || []).map((x) => h('li', { testid: `shadow-${kind}-example` },
    h('a', { href: `#/records/${enc(x.recordId)}` }, x.recordId), ' ', (x.implicated || []).map((i) => h('code.small', i)), ' ', x.detail));
  const rows = c.rules.filter((r) => r.added || r.removed || r.changed).map((r) => h('tr', { testid: 'shadow-rule', dataset: { rule: r.rule } },
    h('td', h('code.rule-id', r.rule)), h('td', r.active), h('td', r.candidate),
    h('td', { testid: 'shadow-added' }, r.added ? h('strong', `+${r.added}`) : '0'),
    h('td', { testid: 'shadow-removed' }, r.removed ? h('strong', `−${r.removed}`) : '0'), h('td', r.changed),
    h('td', h('ul.small', examples(r.addedExamples, 'added'), examples(r.removedExamples, 'removed'), examples(r.changedExamples, 'changed')))));
  return h('div.card', { testid: 'shadow-report' }, h('div.card-head', h('h2', t('packs.shadowTitle', { active: s.active, candidate: s.candidate }))),
    h('p.muted', t('packs.shadowSummary', { records: s.recordsCompared, added: c.added, removed: c.removed, changed: c.changed, skipped: s.skippedCount, ms: s.millis })),
    rows.length ? h('table.data', h('thead', h('tr', ['packs.rule', 'packs.shadowActive', 'packs.shadowCandidate', 'packs.shadowAdded', 'packs.shadowRemoved', 'packs.shadowChanged', 'packs.shadowExamples']
      .map((k) => h('th', { scope: 'col' }, t(k))))), h('tbody', rows)) : h('p', { testid: 'shadow-same' }, t('packs.shadowSame')));
}

function fmt(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function regionForm(ctx, pack, version, region, errorEl, here) {
  const code = h('input', { testid: 'region-code', placeholder: `${region}-H001` });
  const parent = h('input', { testid: 'region-parent', value: region });
  const nameZh = h('input', { testid: 'region-name-zh' });
  const nameEn = h('input', { testid: 'region-name-en' });
  return h('details', { testid: 'region-add' }, h('summary', t('packs.addRegion')),
    h('form', { on: { submit: async (e) => {
      e.preventDefault();
      clear(errorEl);
      try {
        const r = await post(`${vpath(pack, version)}/regions`, { code: code.value.trim(), parent: parent.value.trim() || null,
          name: { zh: nameZh.value.trim() || null, en: nameEn.value.trim() || null } });
        toast(t('packs.regionAdded', { r: r.code }));
        ctx.navigate(here({ region: r.code }));
      } catch (err) { errorEl.append(failure(err)); }
    } } },
    h('div.form-grid', field(t('packs.regionCode'), code), field(t('packs.regionParent'), parent), field(t('packs.regionNameZh'), nameZh), field(t('packs.regionNameEn'), nameEn)),
    h('div.row', h('button.btn.btn-primary', { type: 'submit', testid: 'region-submit' }, t('packs.addRegion')))));
}

function knowledgeForm(pack, version, errorEl) {
  const table = h('input', { testid: 'knowledge-table', placeholder: 'document-types' });
  const file = h('input', { type: 'file', accept: '.csv,text/csv,.xlsx', testid: 'knowledge-file' });
  return h('details', { testid: 'knowledge-upload' }, h('summary', t('packs.knowledge')),
    h('form', { on: { submit: async (e) => {
      e.preventDefault();
      clear(errorEl);
      if (!file.files.length || !table.value.trim()) return;
      const f = file.files[0];
      const type = f.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
      try {
        const r = await upload('PUT', `${vpath(pack, version)}/knowledge/${enc(table.value.trim())}`, f, type);
        toast(t('packs.knowledgeDone', { table: r.table, rows: r.rows }));
      } catch (err) { errorEl.append(failure(err)); }
    } } },
    h('div.form-grid', field(t('packs.knowledgeTable'), table), field(t('packs.knowledgeFile'), file, { hint: t('packs.knowledgeHint') })),
    h('div.row', h('button.btn.btn-primary', { type: 'submit', testid: 'knowledge-submit' }, t('packs.upload')))));
}

function ruleSheetForm(pack, version, errorEl) {
  const name = h('input', { testid: 'rulesheet-name', placeholder: 'hospital-local', pattern: '[a-z0-9][a-z0-9-]*' });
  const file = h('input', { type: 'file', accept: '.csv,text/csv,.xlsx', testid: 'rulesheet-file' });
  return h('details', { testid: 'rulesheet-upload' }, h('summary', t('packs.ruleSheet')),
    h('form', { on: { submit: async (e) => {
      e.preventDefault();
      clear(errorEl);
      if (!file.files.length || !name.value.trim()) return;
      const f = file.files[0];
      const type = f.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
      try {
        const r = await upload('PUT', `${vpath(pack, version)}/rule-sheets/${enc(name.value.trim())}`, f, type);
        toast(t('packs.ruleSheetDone', { file: r.file, count: r.rules.length }));
      } catch (err) { errorEl.append(failure(err)); }
    } } },
    h('div.form-grid', field(t('packs.ruleSheetName'), name), field(t('packs.knowledgeFile'), file, { hint: t('packs.ruleSheetHint') })),
    h('div.row', h('button.btn.btn-primary', { type: 'submit', testid: 'rulesheet-submit' }, t('packs.upload')))));
}

function origin(o, region) {
  if (!o) return null;
  const own = o === region || o.startsWith(`${region} `);
  return h('span.tag', { class: own ? 'tag-region' : null, testid: 'origin', title: t('packs.origin') }, o);
}

function rulesTable(ctx, pack, version, set, draft, errorEl) {
  const region = set.region;
  const rows = [];
  for (const r of set.rules) rows.push(ruleRow(ctx, pack, version, region, r, draft, errorEl));
  return h('div.card.table-card', h('div.card-head', h('h2', t('packs.rulesTitle', { region })),
    h('span.muted', { testid: 'region-chain' }, set.chain, set.ownOverlay ? '' : ` · ${t('packs.noOwnOverlay', { r: set.resolvedRegion })}`)),
  h('div.table-scroll', h('table.data', { testid: 'rules-table', dataset: { region } },
    h('thead', h('tr', ['packs.rule', 'packs.enabled', 'packs.params', 'packs.severity', 'packs.points', 'packs.veto', 'packs.departments', '']
      .map((k) => h('th', { scope: 'col' }, k ? t(k) : '')))),
    h('tbody', rows))));
}

function ruleRow(ctx, pack, version, region, r, draft, errorEl) {
  const o = r.origins || {};
  const title = r.title ? (current() === 'en' ? r.title.en : r.title.zh) || r.title.en : '';
  const params = Object.entries(r.params || {}).map(([k, v]) => h('div', { testid: 'rule-param', dataset: { param: k } },
    h('code', k), ' = ', h('strong', { testid: 'rule-param-value' }, fmt(v)), ' ', origin(o[`params.${k}`], region)));
  const deps = r.departments && (r.departments.include.length || r.departments.exclude.length)
    ? [r.departments.include.length ? `+ ${r.departments.include.join(', ')}` : null, r.departments.exclude.length ? `− ${r.departments.exclude.join(', ')}` : null].filter(Boolean).join(' ; ')
    : t('common.all');
  const tr = h('tr', { testid: 'rule-row', dataset: { rule: r.id, enabled: String(r.enabled) }, class: r.enabled ? null : 'inactive' },
    h('td', h('code.rule-id', r.id), h('div.sub', title)),
    h('td', r.enabled ? t('common.yes') : t('common.no'), ' ', origin(o.enabled, region)),
    h('td.params', params.length ? params : '—'),
    h('td', label('severity', r.severity), ' ', origin(o.severity, region)),
    h('td', String(r.points), ' ', origin(o.points, region)),
    h('td', r.veto ? t('common.yes') : t('common.no'), ' ', origin(o.veto, region)),
    h('td', deps, ' ', origin(o.departments, region)),
    h('td', draft ? h('button.btn.btn-sm', { type: 'button', testid: 'rule-edit', on: { click: () => {
      const next = tr.nextSibling;
      if (next && next.dataset && next.dataset.editor) { next.remove(); return; }
      tr.after(editorRow(ctx, pack, version, region, r, tr, errorEl));
    } } }, t('packs.edit')) : null));
  return tr;
}

function editorRow(ctx, pack, version, region, r, tr, errorEl) {
  const o = r.origins || {};
  const enabled = h('input', { type: 'checkbox', checked: r.enabled, testid: 'edit-enabled' });
  const severity = select(['high', 'moderate', 'low'].map((s) => [s, label('severity', s)]), r.severity, { testid: 'edit-severity' });
  const points = h('input', { type: 'number', step: '0.5', min: 0, value: r.points, testid: 'edit-points', style: 'width:6em' });
  const veto = h('input', { type: 'checkbox', checked: r.veto, testid: 'edit-veto' });
  const paramInputs = Object.entries(r.params || {}).map(([k, v]) => [k, v, h('input', { value: JSON.stringify(v), testid: `edit-param-${k}`, 'aria-label': k })]);
  const depsNow = r.departments || { include: [], exclude: [] };
  const list = (xs) => (xs || []).join(', ');
  const parseList = (v) => v.split(/[,，;；]/).map((x) => x.trim()).filter(Boolean);
  const include = h('input', { value: list(depsNow.include), testid: 'edit-departments-include', placeholder: '普通外科, surgery' });
  const exclude = h('input', { value: list(depsNow.exclude), testid: 'edit-departments-exclude', placeholder: '儿科, pediatrics' });
  const msg = h('div');
  const send = async (body) => {
    clear(msg);
    clear(errorEl);
    try {
      const updated = await put(`${vpath(pack, version)}/regions/${enc(region)}/rules/${enc(r.id)}`, body);
      toast(t('packs.ruleSaved', { rule: r.id, region }));
      const fresh = ruleRow(ctx, pack, version, region, updated, true, errorEl);
      editor.remove();
      tr.replaceWith(fresh);
    } catch (e) {
      msg.append(failure(e, 'edit-error'));
    }
  };
  const save = () => {
    const body = {};
    if (enabled.checked !== r.enabled) body.enabled = enabled.checked;
    if (severity.value !== r.severity) body.severity = severity.value;
    if (Number(points.value) !== r.points) body.points = Number(points.value);
    if (veto.checked !== r.veto) body.veto = veto.checked;
    const inc = parseList(include.value);
    const exc = parseList(exclude.value);
    if (list(inc) !== list(depsNow.include) || list(exc) !== list(depsNow.exclude)) body.departments = { include: inc, exclude: exc };
    const params = {};
    for (const [k, v, input] of paramInputs) {
      let value;
      try { value = JSON.parse(input.value); } catch { value = input.value; }
      if (JSON.stringify(value) !== JSON.stringify(v)) params[k] = value;
    }
    if (Object.keys(params).length) body.params = params;
    if (!Object.keys(body).length) { msg.append(h('div.alert', { role: 'status' }, t('packs.nothingChanged'))); return; }
    send(body);
  };
  // settings this region sets itself can be reset to what it inherits
  const resettable = Object.entries(o).filter(([, from]) => from === region || from === `${region} (disabled)`).map(([k]) => k);
  const resets = resettable.map((k) => h('button.btn.btn-sm.btn-ghost', { type: 'button', testid: `edit-reset-${k}`,
    on: { click: () => send({ clear: [k] }) } }, t('packs.reset', { s: k })));
  const editor = h('tr', { testid: 'rule-editor', dataset: { editor: r.id } }, h('td', { colspan: 8 },
    h('div.form-grid',
      field(t('packs.enabled'), enabled), field(t('packs.severity'), severity), field(t('packs.points'), points), field(t('packs.veto'), veto),
      field(t('packs.departmentsInclude'), include, { hint: t('packs.departmentsHint') }), field(t('packs.departmentsExclude'), exclude),
      paramInputs.map(([k, , input]) => field(`${t('packs.param')} ${k}`, input))),
    h('div.row', h('button.btn.btn-primary', { type: 'button', testid: 'edit-save', on: { click: save } }, t('common.save')),
      h('button.btn', { type: 'button', testid: 'edit-cancel', on: { click: () => editor.remove() } }, t('common.cancel')), resets),
    h('p.muted.small', t('packs.editHint', { region })), msg));
  return editor;
}

// ------------------------------------------------------------------------------------------------ rule quality

async function renderQuality(container, ctx) {
  const q = await get('/api/v1/admin/rules/quality');
  if (!ctx.alive()) return;
  container.append(pageHeader(t('packs.qualityTitle'), t('packs.qualitySubtitle', { n: q.minVerdicts, mute: q.muteBelow, review: q.reviewBelow }),
    h('a.btn.btn-ghost', { href: '#/packs' }, t('packs.back'))));
  const rows = q.rules.map((r) => h('tr', { testid: 'quality-row', dataset: { rule: r.ruleId, suggestion: r.suggestion || '' } },
    h('td', h('code.rule-id', r.ruleId), h('div.sub', r.title || '')),
    h('td', r.findings), h('td', r.records), h('td', r.confirmed), h('td', r.dismissed), h('td', r.open),
    h('td', r.precision === null || r.precision === undefined ? '—' : Number(r.precision).toFixed(3)),
    h('td', r.suggestion ? h('span.tag', { class: r.suggestion === 'mute' ? 'tag-veto' : null }, label('packs.suggestion', r.suggestion)) : '—')));
  container.append(h('div.card.table-card', h('div.table-scroll', h('table.data', { testid: 'quality-table' },
    h('thead', h('tr', ['packs.rule', 'packs.qFindings', 'packs.qRecords', 'packs.qConfirmed', 'packs.qDismissed', 'packs.qOpen', 'packs.qPrecision', 'packs.qSuggestion']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', rows.length ? rows : h('tr', h('td', { colspan: 8 }, t('common.none'))))))));
}
