// The console's single-page shell: header (navigation, language switch, user), hash router, login.
import { h, clear, field } from './dom.js';
import * as i18n from './i18n.js';
import { t } from './i18n.js';
import { ApiError, get, post, login, setUnauthorizedHandler } from './api.js';
import { errorBox } from './ui.js';
import * as worklist from './pages/worklist.js';
import * as record from './pages/record.js';
import * as tasks from './pages/tasks.js';
import * as stats from './pages/stats.js';
import * as users from './pages/users.js';
import * as packs from './pages/packs.js';

const state = { me: null, token: 0, afterLogin: '#/worklist' };
const main = () => document.getElementById('main');

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/worklist';
  const [path, qs] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, query: Object.fromEntries(new URLSearchParams(qs || '')) };
}

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

const ROLES_OF = {
  worklist: ['reviewer', 'admin', 'physician'],
  records: ['reviewer', 'admin', 'physician'],
  tasks: ['reviewer', 'admin', 'physician'],
  stats: ['reviewer', 'admin'],
  users: ['admin'],
  packs: ['admin'],
};

function renderHeader() {
  const header = clear(document.getElementById('header'));
  const langSelect = h('select.lang', { id: 'lang-switch', testid: 'lang-switch', 'aria-label': t('header.language'),
    on: { change: async (e) => { await i18n.use(e.target.value, true); renderHeader(); route(); } } },
  h('option', { value: 'zh', selected: i18n.current() === 'zh' }, '中文'),
  h('option', { value: 'en', selected: i18n.current() === 'en' }, 'English'));
  const brand = h('a.brand', { href: '#/worklist', testid: 'brand' },
    h('span.brand-mark', { 'aria-hidden': 'true' }, 'QC'),
    h('span.brand-name', 'emrqc'), h('span.brand-title', t('app.title')));
  const nav = h('nav.nav', { 'aria-label': t('nav.main') });
  const here = parseHash().parts[0] || 'worklist';
  if (state.me) {
    for (const page of ['worklist', 'tasks', 'stats', 'users', 'packs']) {
      if (!ROLES_OF[page].includes(state.me.role)) continue;
      const active = here === page || (page === 'worklist' && here === 'records');
      nav.append(h('a', { href: `#/${page}`, testid: `nav-${page}`, class: active ? 'active' : null,
        'aria-current': active ? 'page' : null }, t(`nav.${page}`)));
    }
  }
  const right = h('div.header-right', langSelect);
  if (state.me) {
    right.append(h('span.user', { testid: 'header-user', title: state.me.username },
      h('span.user-name', state.me.displayName || state.me.username),
      h('span.user-role', i18n.label('role', state.me.role))));
    right.append(h('button.btn.btn-ghost', { type: 'button', testid: 'logout', on: { click: logout } }, t('header.logout')));
  }
  header.append(brand, nav, right);
  document.title = `emrqc · ${t('app.title')}`;
  document.querySelector('.skip').textContent = t('app.skip');
}

async function logout() {
  try { await post('/api/v1/logout'); } catch { /* the session is gone either way */ }
  state.me = null;
  renderHeader();
  navigate('#/login');
}

function renderLogin(container) {
  const user = h('input', { name: 'username', autocomplete: 'username', testid: 'login-username', required: true });
  const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', testid: 'login-password', required: true });
  const msg = h('div');
  const button = h('button.btn.btn-primary.btn-block', { type: 'submit', testid: 'login-submit' }, t('login.submit'));
  const form = h('form.login-card', { testid: 'login-form', novalidate: true, on: { submit: async (e) => {
    e.preventDefault();
    clear(msg);
    if (!user.value.trim() || !pass.value) {
      msg.append(h('div.alert.alert-error', { role: 'alert', testid: 'login-error' }, t('login.required')));
      return;
    }
    button.disabled = true;
    try {
      if (!(await login(user.value.trim(), pass.value))) {
        msg.append(h('div.alert.alert-error', { role: 'alert', testid: 'login-error' }, t('login.failed')));
        pass.value = '';
        pass.focus();
        return;
      }
      await loadMe(true);
      renderHeader();
      navigate(state.afterLogin && !state.afterLogin.startsWith('#/login') ? state.afterLogin : '#/worklist');
    } catch (err) {
      msg.append(errorBox(err, 'login-error'));
    } finally {
      button.disabled = false;
    }
  } } },
  h('div.login-brand', h('span.brand-mark.lg', { 'aria-hidden': 'true' }, 'QC'),
    h('div', h('h1', t('login.title')), h('p.muted', t('login.subtitle')))),
  msg,
  field(t('login.username'), user),
  field(t('login.password'), pass),
  button);
  container.append(h('div.login-wrap', form));
  user.focus();
}

/** Who is logged in; after a fresh login, the user's locale decides unless a language was chosen in this browser. */
async function loadMe(freshLogin) {
  state.me = await get('/api/v1/me');
  if (freshLogin && !i18n.stored() && state.me.locale && state.me.locale !== i18n.current()) await i18n.use(state.me.locale);
}

async function route() {
  const token = ++state.token;
  const { parts, query } = parseHash();
  const page = parts[0] || 'worklist';
  const container = clear(main());
  container.removeAttribute('data-ready');
  if (page === 'login') {
    renderHeader();
    renderLogin(container);
    container.setAttribute('data-ready', 'login');
    return;
  }
  if (!state.me) {
    try {
      await loadMe(true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        state.afterLogin = location.hash || '#/worklist';
        navigate('#/login');
        return;
      }
      renderHeader();
      container.append(errorBox(e));
      return;
    }
  }
  renderHeader();
  if (token !== state.token) return;
  const ctx = { me: state.me, parts, query, navigate, alive: () => token === state.token };
  const pages = { worklist, records: record, tasks, stats, users, packs };
  const mod = pages[page];
  if (!mod) {
    container.append(h('div.alert.alert-error', { role: 'alert', testid: 'error' }, t('error.notFound')));
    return;
  }
  if (!ROLES_OF[page].includes(state.me.role)) {
    container.append(h('div.alert.alert-error', { role: 'alert', testid: 'error' }, t('error.forbidden')));
    return;
  }
  try {
    await mod.render(container, ctx);
  } catch (e) {
    if (!ctx.alive()) return;
    if (e instanceof ApiError && e.status === 401) return;
    clear(container).append(errorBox(e));
  }
  if (ctx.alive()) container.setAttribute('data-ready', page);
}

setUnauthorizedHandler(() => {
  if (parseHash().parts[0] === 'login') return;
  state.me = null;
  state.afterLogin = location.hash;
  navigate('#/login');
});

async function boot() {
  try {
    await i18n.use(i18n.stored() || i18n.browserDefault());
  } catch (e) {
    main().append(h('div.alert.alert-error', { role: 'alert' }, 'The UI strings could not be loaded / 无法加载界面文字'));
    return;
  }
  window.addEventListener('hashchange', route);
  await route();
}

boot();
