// Users (admins): list, create, change role, deactivate / activate.
import { h, clear, field, select } from '../dom.js';
import { t, label, formatTime } from '../i18n.js';
import { get, post, put } from '../api.js';
import { errorBox, toast, pageHeader } from '../ui.js';

const ROLES = ['reviewer', 'physician', 'admin', 'integration'];

export async function render(container, ctx) {
  const body = h('div', h('div.loading', { role: 'status' }, t('common.loading')));
  const errorEl = h('div', { 'aria-live': 'polite' });
  container.append(pageHeader(t('users.title'), t('users.subtitle')), errorEl, createForm(ctx, errorEl), body);
  const list = await get('/api/v1/users');
  if (!ctx.alive()) return;
  const rows = list.map((u) => row(u, ctx, errorEl));
  body.replaceChildren(h('div.card.table-card', h('div.table-scroll', h('table.data', { testid: 'users-table' },
    h('thead', h('tr', ['users.username', 'users.displayName', 'users.role', 'users.department', 'users.practitionerRef', 'users.locale', 'users.active', 'users.actions']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', rows)))));
}

function row(u, ctx, errorEl) {
  const self = u.username === ctx.me.username;
  const change = async (body) => {
    clear(errorEl);
    try {
      const updated = await put(`/api/v1/users/${encodeURIComponent(u.username)}`, body);
      toast(t('users.updated', { u: u.username }));
      tr.replaceWith(row(updated, ctx, errorEl));
    } catch (e) {
      errorEl.append(errorBox(e, 'users-error'));
      tr.replaceWith(row(u, ctx, errorEl));
    }
  };
  const role = select(ROLES.map((r) => [r, label('role', r)]), u.role, { testid: 'user-role', disabled: self, 'aria-label': `${t('users.role')} ${u.username}`,
    on: { change: (e) => change({ role: e.target.value }) } });
  const tr = h('tr', { testid: 'user-row', dataset: { username: u.username, active: String(u.active) }, class: u.active ? null : 'inactive' },
    h('td', h('strong', u.username), h('div.sub', formatTime(u.createdAt))),
    h('td', u.displayName || '—'),
    h('td', role),
    h('td', u.department || '—'),
    h('td', u.practitionerRef ? h('code', u.practitionerRef) : '—'),
    h('td', u.locale === 'en' ? 'English' : '中文'),
    h('td', u.active ? t('common.yes') : h('span.tag.tag-veto', t('users.inactive'))),
    h('td', self ? null : h('button.btn.btn-sm', { type: 'button', testid: u.active ? 'user-deactivate' : 'user-activate',
      on: { click: () => change({ active: !u.active }) } }, u.active ? t('users.deactivate') : t('users.activate'))));
  return tr;
}

function createForm(ctx, errorEl) {
  const inputs = {
    username: h('input', { testid: 'new-username', autocomplete: 'off', required: true, pattern: '[a-z0-9][a-z0-9._-]{1,62}' }),
    displayName: h('input', { testid: 'new-displayName' }),
    role: select(ROLES.map((r) => [r, label('role', r)]), 'physician', { testid: 'new-role' }),
    department: h('input', { testid: 'new-department' }),
    practitionerRef: h('input', { testid: 'new-practitionerRef', placeholder: 'Practitioner/…' }),
    locale: select([['zh', '中文'], ['en', 'English']], 'zh', { testid: 'new-locale' }),
    password: h('input', { type: 'password', testid: 'new-password', autocomplete: 'new-password', minlength: '10', required: true }),
  };
  const details = h('details.card.create-user', { testid: 'user-create' }, h('summary', t('users.createTitle')));
  const form = h('form', { novalidate: true, on: { submit: async (e) => {
    e.preventDefault();
    clear(errorEl);
    const body = Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value.trim() === '' && k !== 'password' ? null : el.value]));
    try {
      const u = await post('/api/v1/users', body);
      toast(t('users.created', { u: u.username }));
      ctx.navigate('#/users');
    } catch (err) {
      errorEl.append(errorBox(err, 'users-error'));
    }
  } } },
  h('div.form-grid',
    field(t('users.username'), inputs.username), field(t('users.displayName'), inputs.displayName), field(t('users.role'), inputs.role),
    field(t('users.department'), inputs.department), field(t('users.practitionerRef'), inputs.practitionerRef), field(t('users.locale'), inputs.locale),
    field(t('users.password'), inputs.password)),
  h('div.row', h('button.btn.btn-primary', { type: 'submit', testid: 'new-submit' }, t('users.create'))));
  details.append(form);
  return details;
}
