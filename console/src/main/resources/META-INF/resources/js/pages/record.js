// Record view: the narrative with evidence spans highlighted and linked to their findings, the structured facts,
// each finding's explanation and the verdicts; reviewers send the record back to a physician as a task.
import { h, append, clear, field, select } from '../dom.js';
import { t, label, bilingual, current, formatTime } from '../i18n.js';
import { get, post } from '../api.js';
import { errorBox, errorText, toast, gradeBadge, severityPill, statusPill, score } from '../ui.js';

/** A finding names a resource as the input did: "Type/id", or the urn:uuid fullUrl of a transaction's entry (whose id is the uuid). */
const sameResource = (a, b) => !!a && !!b && (a === b || a.replace(/^urn:uuid:/, '') === b.replace(/^[A-Za-z]+\//, '') || b.replace(/^urn:uuid:/, '') === a.replace(/^[A-Za-z]+\//, ''));

const SEVERITY_RANK = { high: 0, moderate: 1, low: 2 };

export async function render(container, ctx) {
  const id = ctx.parts[1];
  container.append(h('div.loading', { role: 'status' }, t('common.loading')));
  const r = await get(`/api/v1/records/${encodeURIComponent(id)}`);
  if (!ctx.alive()) return;
  const view = new RecordPage(r, ctx);
  clear(container).append(view.el);
}

class RecordPage {
  constructor(r, ctx) {
    this.r = r;
    this.ctx = ctx;
    this.reviewer = ['reviewer', 'admin'].includes(ctx.me.role);
    this.findingsById = new Map(r.findings.map((f) => [f.id, f]));
    this.cards = new Map();
    this.el = h('div.record-page', { testid: 'record-view', dataset: { recordId: r.recordId } });
    this.summaryEl = h('div');
    this.sendBackEl = h('div');
    this.el.append(this.header(), this.summaryEl, this.sendBackEl,
      h('div.record-grid',
        h('div.record-main', this.documents(), this.facts(), this.comments()),
        h('aside.record-side', { 'aria-label': t('record.findings') }, this.findingsPanel())));
    this.renderSummary();
  }

  header() {
    const r = this.r;
    const actions = [h('a.btn.btn-ghost', { href: '#/worklist', testid: 'back-to-worklist' }, '‹ ', t('common.back'))];
    if (this.reviewer) {
      actions.push(h('button.btn.btn-primary', { type: 'button', testid: 'sendback-open', on: { click: () => this.openSendBack() } }, t('record.sendBack')));
    }
    return h('div.page-header',
      h('div.title-row', h('span.grade-lg', gradeBadge(r.grade, 'record-grade')),
        h('div', h('h1', { tabindex: '-1', testid: 'record-title' }, r.patientName || r.patientRef || r.recordId),
          h('p.muted', [r.patientRef, r.recordId].filter(Boolean).join(' · ')))),
      h('div.page-actions', actions));
  }

  renderSummary() {
    const r = this.r;
    const open = r.findings.filter((f) => f.status === 'open').length;
    const item = (k, v, testid) => h('div.kv', h('dt', t(k)), h('dd', { testid }, v === null || v === undefined || v === '' ? '—' : v));
    const timeliness = Object.entries(r.timeliness || {}).map(([k, v]) =>
      h('span.tl', { class: Number(v) > 24 ? 'late' : null }, `${label('indicatorShort', k)} ${v} h`));
    clear(this.summaryEl).append(h('section.card.summary', { testid: 'record-summary' },
      h('dl.kv-grid',
        item('record.score', h('span.score', score(r.score)), 'record-score'),
        item('record.status', statusPill('recordStatus', r.status, 'record-status')),
        item('record.findings', `${open} / ${r.findings.length}`, 'record-open-findings'),
        item('record.department', r.department),
        item('record.attending', r.attending),
        item('record.region', r.region),
        item('record.admitted', formatTime(r.admittedAt)),
        item('record.discharged', formatTime(r.dischargedAt)),
        item('record.checked', formatTime(r.checkedAt)),
        item('record.pack', r.packVersion)),
      r.vetoed ? h('div.alert.alert-error', t('record.vetoed')) : null,
      timeliness.length ? h('div.timeliness', h('span.muted', t('record.timeliness'), ': '), timeliness) : null,
      (r.indicators || []).length ? h('div.indicators', { testid: 'record-indicators' }, h('span.muted', t('record.indicators'), ': '),
        r.indicators.map((i) => h('span.tl', { class: i.occurrence === i.inNumerator ? 'late' : null, title: (i.why && (i.why[current()] || i.why.zh)) || '',
          dataset: { code: i.code } }, `${i.number}. ${(i.name && (i.name[current()] || i.name.zh)) || i.code}: ${t(i.occurrence ? (i.inNumerator ? 'record.indicatorOccurred' : 'record.indicatorNotOccurred')
            : (i.inNumerator ? 'record.indicatorMet' : 'record.indicatorNotMet'))}${i.deciding.length ? ` (${i.deciding.join(', ')})` : ''}`))) : null));
  }

  // ---------------------------------------------------------------- narrative with evidence marks
  documents() {
    const r = this.r;
    const card = h('section.card', { testid: 'record-documents' }, h('div.card-head', h('h2', t('record.documents')),
      h('span.muted.small', t('record.legend'))));
    if (!r.documents.length) {
      card.append(h('p.empty', t('record.noDocuments')));
      return card;
    }
    for (const d of r.documents) {
      card.append(h('article.document', { testid: 'document', dataset: { ref: d.ref }, id: `doc-${cssId(d.ref)}` },
        h('header.doc-head', h('h3', d.title || d.ref), h('span.muted.small', [d.ref, formatTime(d.signedAt || d.date)].filter(Boolean).join(' · '))),
        h('div.narrative', { lang: 'zh-CN' }, this.marked(d))));
    }
    return card;
  }

  /** The document text cut at every span boundary; covered pieces become <mark data-finding=…>. */
  marked(doc) {
    const text = doc.text || '';
    const spans = [];
    for (const f of this.r.findings) {
      (f.spans || []).forEach((s, i) => {
        if (sameResource(s.document, doc.ref) && s.start >= 0 && s.end <= text.length && s.start < s.end) spans.push({ f, i, start: s.start, end: s.end });
      });
    }
    if (!spans.length) return text;
    const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
    const out = [];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const a = cuts[k], b = cuts[k + 1];
      const piece = text.slice(a, b);
      const covering = spans.filter((s) => s.start <= a && s.end >= b);
      if (!covering.length) { out.push(piece); continue; }
      covering.sort((x, y) => (SEVERITY_RANK[x.f.severity] ?? 9) - (SEVERITY_RANK[y.f.severity] ?? 9));
      const ids = [...new Set(covering.map((s) => s.f.id))];
      const titles = [...new Set(covering.map((s) => bilingual(s.f.title)))].join('\n');
      const mark = h('mark', {
        class: `ev sev-${covering[0].f.severity} fs-${covering[0].f.status}`, tabindex: '0', role: 'button', title: titles,
        'aria-label': `${piece} — ${titles}`, testid: 'span-mark',
        dataset: { finding: ids[0], findings: ids.join(' '), spans: covering.map((s) => `${s.f.id}#${s.i}`).join(' ') },
        on: {
          click: () => this.selectFinding(ids[0], true),
          keydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.selectFinding(ids[0], true); } },
        },
      }, piece);
      out.push(mark);
    }
    return out;
  }

  /** Scrolls to a finding and highlights it (and its marks). */
  selectFinding(id, focus) {
    this.clearSelection();
    const card = this.cards.get(id);
    if (!card) return;
    card.classList.add('selected');
    card.dataset.selected = 'true';
    this.el.querySelectorAll('mark.ev').forEach((m) => {
      if (m.dataset.findings.split(' ').includes(id)) m.classList.add('related');
    });
    card.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (focus) card.focus({ preventScroll: true });
  }

  /** Scrolls to one evidence span of a finding in the narrative and highlights it. */
  selectSpan(findingId, index) {
    this.clearSelection();
    const key = `${findingId}#${index}`;
    const marks = [...this.el.querySelectorAll('mark.ev')].filter((m) => m.dataset.spans.split(' ').includes(key));
    marks.forEach((m) => { m.classList.add('active'); m.dataset.active = 'true'; });
    const card = this.cards.get(findingId);
    if (card) card.classList.add('selected-soft');
    if (marks.length) {
      marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
      marks[0].focus({ preventScroll: true });
    }
  }

  clearSelection() {
    this.el.querySelectorAll('mark.ev').forEach((m) => { m.classList.remove('active', 'related'); delete m.dataset.active; });
    this.cards.forEach((c) => { c.classList.remove('selected', 'selected-soft'); delete c.dataset.selected; });
  }

  // ---------------------------------------------------------------- structured facts
  facts() {
    const f = this.r.facts || {};
    const card = h('section.card', { testid: 'record-facts' }, h('div.card-head', h('h2', t('record.facts'))));
    const yes = (b) => (b ? t('common.yes') : '');
    if (f.patient) {
      card.append(h('dl.kv-grid.compact',
        h('div.kv', h('dt', t('facts.name')), h('dd', f.patient.name || '—')),
        h('div.kv', h('dt', t('facts.gender')), h('dd', f.patient.gender || '—')),
        h('div.kv', h('dt', t('facts.birthDate')), h('dd', f.patient.birthDate && f.patient.birthDate !== 'null' ? f.patient.birthDate : '—')),
        h('div.kv', h('dt', t('facts.ref')), h('dd', f.patient.ref || '—'))));
    }
    const section = (key, rows, cols) => {
      if (!rows || !rows.length) return null;
      return h('details.facts', { open: true, testid: `facts-${key}` },
        h('summary', t(`facts.${key}`), h('span.count', String(rows.length))),
        h('div.table-scroll', h('table.data.compact',
          h('thead', h('tr', cols.map(([k]) => h('th', { scope: 'col' }, t(k))))),
          h('tbody', rows.map((row) => h('tr', { dataset: { ref: row.ref || '' } }, cols.map(([, fn]) => h('td', fn(row) ?? ''))))))));
    };
    append(card, [
      section('encounters', f.encounters, [['facts.class', (e) => e.class], ['facts.department', (e) => e.department], ['facts.status', (e) => e.status],
        ['facts.start', (e) => formatTime(e.start)], ['facts.end', (e) => formatTime(e.end)]]),
      section('conditions', f.conditions, [['facts.text', (c) => c.text], ['facts.code', (c) => code(c.system, c.code)],
        ['facts.status', (c) => c.clinicalStatus], ['facts.principal', (c) => yes(c.principal)]]),
      section('medications', f.medications, [['facts.text', (m) => m.text], ['facts.dose', (m) => (m.dose != null ? `${m.dose} ${m.doseUnit || ''}` : '')],
        ['facts.route', (m) => m.route], ['facts.perDay', (m) => m.timesPerDay], ['facts.status', (m) => m.status]]),
      section('observations', f.observations, [['facts.text', (o) => o.text], ['facts.code', (o) => o.code],
        ['facts.value', (o) => o.valueText || (o.value != null ? `${o.value} ${o.unit || ''}` : '')], ['facts.effective', (o) => formatTime(o.effective)]]),
      section('procedures', f.procedures, [['facts.text', (p) => p.text], ['facts.code', (p) => p.code], ['facts.start', (p) => formatTime(p.start)],
        ['facts.end', (p) => formatTime(p.end)], ['facts.surgical', (p) => yes(p.surgical)]]),
      section('allergies', f.allergies, [['facts.text', (a) => a.text], ['facts.code', (a) => a.code], ['facts.status', (a) => a.clinicalStatus],
        ['facts.noKnownAllergy', (a) => yes(a.noKnownAllergy)]])]);
    return card;
  }

  // ---------------------------------------------------------------- comments
  comments() {
    const card = h('section.card', { testid: 'record-comments' }, h('div.card-head', h('h2', t('record.comments'))));
    const list = h('ul.comments', { testid: 'comment-list' });
    const errorEl = h('div');
    const show = (items) => {
      clear(list);
      if (!items.length) list.append(h('li.empty', t('record.noComments')));
      for (const c of items) {
        const f = c.findingId ? this.findingsById.get(c.findingId) : null;
        list.append(h('li.comment', { testid: 'comment' },
          h('div.comment-meta', h('strong', c.by || '—'), ' · ', formatTime(c.at), f ? [' · ', h('code', f.ruleId)] : null),
          h('div.comment-body', c.body)));
      }
    };
    const load = () => get(`/api/v1/records/${encodeURIComponent(this.r.recordId)}/comments`).then(show)
      .catch((e) => clear(errorEl).append(errorBox(e, 'comment-error')));
    const body = h('textarea', { rows: '2', maxlength: '4000', testid: 'comment-body', placeholder: t('record.commentPlaceholder') });
    const about = select([['', t('record.commentWholeRecord')], ...this.r.findings.map((f) => [f.id, `${f.ruleId} — ${f.title || ''}`])], '',
      { testid: 'comment-finding' });
    const form = h('form.comment-form', { novalidate: true, on: { submit: async (e) => {
      e.preventDefault();
      clear(errorEl);
      if (!body.value.trim()) { errorEl.append(h('div.alert.alert-error', { role: 'alert', testid: 'comment-error' }, t('record.commentRequired'))); return; }
      try {
        await post(`/api/v1/records/${encodeURIComponent(this.r.recordId)}/comments`, { body: body.value, findingId: about.value || null });
        body.value = '';
        await load();
      } catch (err) {
        errorEl.append(errorBox(err, 'comment-error'));
      }
    } } },
    field(t('record.comments'), body), field(t('record.commentAbout'), about),
    h('div.row', h('button.btn.btn-primary', { type: 'submit', testid: 'comment-submit' }, t('record.commentAdd'))));
    card.append(list, errorEl, form);
    load();
    return card;
  }

  // ---------------------------------------------------------------- findings
  findingsPanel() {
    const r = this.r;
    const panel = h('section.card.findings', { testid: 'findings' }, h('div.card-head', h('h2', t('record.findings')),
      h('span.count', { testid: 'findings-count' }, String(r.findings.length))));
    if (!r.findings.length) panel.append(h('p.empty', t('record.noFindings')));
    const sorted = [...r.findings].sort((a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9));
    for (const f of sorted) {
      const card = h('article.finding', { tabindex: '-1' });
      this.cards.set(f.id, card);
      this.fillFinding(card, f);
      panel.append(card);
    }
    return panel;
  }

  fillFinding(card, f) {
    clear(card);
    card.className = `finding sev-${f.severity} fs-${f.status}`;
    card.setAttribute('data-testid', 'finding');
    Object.assign(card.dataset, { findingId: f.id, ruleId: f.ruleId, status: f.status });
    const detail = current() === 'en' ? (f.detailEn || f.detailZh || f.detail) : (f.detailZh || f.detailEn || f.detail);
    const docTitle = (ref) => (this.r.documents.find((d) => sameResource(d.ref, ref)) || {}).title || ref;
    const explanation = h('details.explain', { open: true, testid: 'finding-explanation' }, h('summary', t('finding.explanation')),
      f.regulation ? h('div.exp-row', h('div.exp-label', t('finding.regulation')), h('div', { testid: 'finding-regulation' }, f.regulation)) : null,
      f.fixHint ? h('div.exp-row', h('div.exp-label', t('finding.fixHint')), h('div.fix', { testid: 'finding-fix' }, bilingual(f.fixHint))) : null,
      f.spans && f.spans.length ? h('div.exp-row', h('div.exp-label', t('finding.evidence')),
        h('ul.evidence', f.spans.map((s, i) => h('li', h('button.evidence-link', {
          type: 'button', testid: 'evidence-span', dataset: { span: `${f.id}#${i}` }, on: { click: () => this.selectSpan(f.id, i) },
        }, h('q', s.quote), h('span.muted.small', ` ${docTitle(s.document)}${s.section ? ' · ' + s.section : ''}`)))))) : null,
      paramsTable(f.parameters),
      (f.implicated && f.implicated.length) || (f.evidence && f.evidence.length) ? h('div.exp-row', h('div.exp-label', t('finding.implicated')),
        h('div.refs', [...new Set([...(f.implicated || []), ...(f.evidence || [])])].map((ref) => h('code.ref', ref)))) : null,
      f.reference ? h('div.exp-row', h('div.exp-label', t('finding.reference')), h('div', h('code', f.reference), f.packVersion ? h('span.muted.small', ` · ${f.packVersion}`) : null)) : null);
    const verdicts = f.verdicts && f.verdicts.length ? h('div.verdicts', { testid: 'finding-verdicts' }, h('div.exp-label', t('finding.verdicts')),
      h('ul', f.verdicts.map((v) => h('li', h('span', t('finding.by', { verdict: label('findingStatus', v.verdict), by: v.by || '?', at: formatTime(v.at) })),
        v.reason ? h('div.reason', { testid: 'verdict-reason' }, v.reason) : null)))) : null;
    const errorEl = h('div.finding-error', { 'aria-live': 'polite' });
    append(card, [
      h('header.finding-head', severityPill(f.severity), h('span.tag', label('defectClass', f.defectClass)),
        f.veto ? h('span.tag.tag-veto', t('finding.veto')) : null,
        h('span.points', t('finding.points', { n: f.points })),
        h('span.spacer'), statusPill('findingStatus', f.status, 'finding-status')),
      h('h3.finding-title', bilingual(f.title)),
      h('div.rule-id', h('code', f.ruleId), f.region ? h('span.muted.small', ` · ${f.region}`) : null),
      detail ? h('p.detail', { testid: 'finding-detail' }, detail) : null,
      explanation, verdicts, errorEl,
      this.reviewer ? this.verdictActions(card, f, errorEl) : null]);
  }

  verdictActions(card, f, errorEl) {
    const reason = h('textarea', { rows: '2', testid: 'dismiss-reason', maxlength: '2000' });
    const dismissForm = h('form.dismiss-form', { hidden: true, testid: 'dismiss-form', novalidate: true, on: { submit: (e) => {
      e.preventDefault();
      if (!reason.value.trim()) {
        showError(errorEl, t('finding.reasonRequired'));
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
        return;
      }
      this.verdict(card, f, 'dismissed', reason.value.trim(), errorEl);
    } } },
    field(t('finding.reason'), reason),
    h('div.row', h('button.btn.btn-danger', { type: 'submit', testid: 'dismiss-submit' }, t('finding.dismissSubmit')),
      h('button.btn', { type: 'button', testid: 'dismiss-cancel', on: { click: () => { dismissForm.hidden = true; clear(errorEl); } } }, t('common.cancel'))));
    return h('div.finding-actions',
      h('div.row',
        h('button.btn.btn-sm', { type: 'button', testid: 'verdict-confirm', disabled: f.status === 'confirmed',
          on: { click: () => this.verdict(card, f, 'confirmed', null, errorEl) } }, t('finding.confirm')),
        h('button.btn.btn-sm', { type: 'button', testid: 'verdict-dismiss', disabled: f.status === 'dismissed',
          on: { click: () => { dismissForm.hidden = false; reason.focus(); } } }, t('finding.dismiss')),
        h('button.btn.btn-sm', { type: 'button', testid: 'verdict-rectify', disabled: f.status === 'rectified',
          on: { click: () => this.verdict(card, f, 'rectified', null, errorEl) } }, t('finding.rectify'))),
      dismissForm);
  }

  async verdict(card, f, kind, reason, errorEl) {
    clear(errorEl);
    card.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      const body = { verdict: kind };
      if (reason !== null) body.reason = reason;
      const res = await post(`/api/v1/findings/${encodeURIComponent(f.id)}/verdict`, body);
      f.status = res.status;
      f.verdicts = [...(f.verdicts || []), { verdict: kind, reason, by: this.ctx.me.username, at: new Date().toISOString() }];
      this.r.status = res.recordStatus;
      this.fillFinding(card, f);
      this.el.querySelectorAll('mark.ev').forEach((m) => {
        if (m.dataset.finding === f.id) m.className = m.className.replace(/fs-\S+/, `fs-${f.status}`);
      });
      this.renderSummary();
      toast(t('finding.verdictSaved', { status: label('findingStatus', f.status) }));
    } catch (e) {
      this.fillFinding(card, f);
      const err = card.querySelector('.finding-error');
      showError(err, errorText(e));
      if (kind === 'dismissed') {
        card.querySelector('[data-testid=dismiss-form]').hidden = false;
        card.querySelector('[data-testid=dismiss-reason]').value = reason || '';
      }
    }
  }

  // ---------------------------------------------------------------- send back
  async openSendBack() {
    const box = clear(this.sendBackEl);
    const errorEl = h('div', { 'aria-live': 'polite' });
    const due = new Date(Date.now() + 7 * 864e5);
    const dueInput = h('input', { type: 'date', testid: 'sendback-due', required: true,
      value: `${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, '0')}-${String(due.getDate()).padStart(2, '0')}` });
    const note = h('textarea', { rows: '2', testid: 'sendback-note' });
    let physicians = [];
    try {
      physicians = await get('/api/v1/physicians');
    } catch (e) {
      errorEl.append(errorBox(e, 'sendback-error'));
    }
    const assignee = select([['', '—'], ...physicians.map((p) => [p.username, `${p.displayName || p.username} (${p.username})${p.department ? ' · ' + p.department : ''}`])],
      this.r.attendingUsername || '', { testid: 'sendback-assignee', required: true });
    const submit = h('button.btn.btn-primary', { type: 'submit', testid: 'sendback-submit' }, t('common.submit'));
    const form = h('form.card.sendback', { testid: 'sendback-form', novalidate: true, on: { submit: async (e) => {
      e.preventDefault();
      clear(errorEl);
      submit.disabled = true;
      try {
        const task = await post(`/api/v1/records/${encodeURIComponent(this.r.recordId)}/tasks`,
          { assignee: assignee.value, dueDate: dueInput.value, note: note.value });
        clear(box).append(h('div.alert.alert-ok', { role: 'status', testid: 'sendback-done' }, t('record.taskCreated', { who: task.assignee }),
          ' ', h('a', { href: '#/tasks' }, t('nav.tasks'))));
        this.r.status = 'returned';
        this.renderSummary();
      } catch (err) {
        errorEl.append(errorBox(err, 'sendback-error'));
      } finally {
        submit.disabled = false;
      }
    } } },
    h('h2', t('record.sendBackTitle')),
    h('div.form-grid', field(t('record.assignee'), assignee), field(t('record.dueDate'), dueInput), field(t('record.note'), note, { class: 'wide' })),
    errorEl,
    h('div.row', submit, h('button.btn', { type: 'button', on: { click: () => clear(box) } }, t('common.cancel'))));
    box.append(form);
    assignee.focus();
  }
}

function paramsTable(params) {
  const entries = Object.entries(params || {});
  if (!entries.length) return null;
  return h('div.exp-row', h('div.exp-label', t('finding.parameters')),
    h('table.data.compact.params', { testid: 'finding-parameters' },
      h('thead', h('tr', h('th', { scope: 'col' }, t('finding.param')), h('th', { scope: 'col' }, t('finding.value')), h('th', { scope: 'col' }, t('finding.origin')))),
      h('tbody', entries.map(([k, v]) => h('tr', h('td', h('code', k)), h('td', fmt(v && v.value)),
        h('td', v && v.origin && v.origin !== 'pack' ? h('span.tag.tag-region', v.origin) : h('span.muted', t('finding.originPack'))))))));
}

function fmt(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function code(system, value) {
  if (!value) return '';
  const s = system ? system.replace(/^.*[/:]/, '') : '';
  return s ? `${value} (${s})` : value;
}

function showError(el, message) {
  clear(el).append(h('div.alert.alert-error', { role: 'alert', testid: 'finding-error' }, message));
}

function cssId(ref) { return String(ref).replace(/[^A-Za-z0-9_-]/g, '_'); }

