// Shared pieces of the pages: readable errors, the toast, badges for grade, severity and status.
import { h } from './dom.js';
import { t, label } from './i18n.js';
import { ApiError } from './api.js';

/** A readable message for any error: the API's problem detail, a network hint, never a stack trace. */
export function errorText(e) {
  if (e instanceof ApiError) {
    if (e.status === 0) return t('error.network');
    if (e.detail) return e.detail;
    if (e.status === 403) return t('error.forbidden');
    return t('error.unexpected', { detail: `${e.status} ${e.title || ''}`.trim() });
  }
  return t('error.unexpected', { detail: (e && e.message) || String(e) });
}

/** An alert box with a readable message. */
export function errorBox(e, testid = 'error') {
  return h('div.alert.alert-error', { role: 'alert', testid }, errorText(e));
}

let toastTimer;
export function toast(message) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => el.classList.remove('show'), 3500);
}

const GRADE_CLASS = { '甲': 'a', '乙': 'b', '丙': 'c' };
export function gradeBadge(g, testid) {
  if (!g) return h('span.muted', '—');
  return h('span.grade', { class: `grade-${GRADE_CLASS[g] || 'x'}`, testid, title: t('grade.label', { g }) }, g);
}

export function severityPill(s) {
  return h('span.pill', { class: `sev-${s}` }, h('span.dot', { 'aria-hidden': 'true' }), label('severity', s));
}

export function statusPill(group, s, testid) {
  return h('span.status', { class: `st-${s}`, testid }, label(group, s));
}

export function pageHeader(title, subtitle, ...actions) {
  return h('div.page-header',
    h('div', h('h1', { tabindex: '-1' }, title), subtitle ? h('p.muted', subtitle) : null),
    actions.length ? h('div.page-actions', actions) : null);
}

export function loading() {
  return h('div.loading', { role: 'status' }, t('common.loading'));
}

export function score(v) {
  return v === null || v === undefined ? '—' : Number(v).toFixed(1);
}
