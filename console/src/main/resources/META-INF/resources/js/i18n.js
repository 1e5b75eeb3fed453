// UI strings in Chinese and English (i18n/zh.json, i18n/en.json). The choice is remembered in localStorage;
// without one the user's locale (from /api/v1/me) or else the browser's language decides.
const KEY = 'emrqc.lang';
export const LANGS = ['zh', 'en'];
let lang = 'zh';
let strings = {};

export function current() { return lang; }

export function stored() {
  try { return localStorage.getItem(KEY); } catch { return null; }
}

export function browserDefault() {
  const l = (navigator.languages && navigator.languages[0]) || navigator.language || 'zh';
  return l.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Loads a language; remember=true stores it as the user's explicit choice. */
export async function use(l, remember = false) {
  if (!LANGS.includes(l)) l = 'zh';
  const res = await fetch(`i18n/${l}.json`, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`i18n/${l}.json: HTTP ${res.status}`);
  strings = await res.json();
  lang = l;
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  if (remember) { try { localStorage.setItem(KEY, l); } catch { /* private mode */ } }
}

/** t('worklist.total', {n: 3}) */
export function t(key, params) {
  let s = strings[key];
  if (s === undefined) return key;
  if (params) for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** An enum label such as severity.high, or the raw value when there is no translation. */
export function label(group, value) {
  if (value === null || value === undefined || value === '') return '';
  const k = `${group}.${value}`;
  return k in strings ? strings[k] : String(value);
}

const CJK = /[\u3400-\u9fff]/;
/** The rule pack writes titles and fix hints as "English / 中文": show the half in the UI language. */
export function bilingual(s) {
  if (!s) return s;
  const i = s.lastIndexOf(' / ');
  if (i < 0) return s;
  const en = s.slice(0, i), zh = s.slice(i + 3);
  if (!CJK.test(zh) || CJK.test(en)) return s;
  return lang === 'zh' ? zh : en;
}

export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d)) return String(iso);
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00' : iso);
  if (isNaN(d)) return String(iso);
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium' }).format(d);
}

export function percent(rate) {
  if (rate === null || rate === undefined) return t('stats.notApplicable');
  return `${(Number(rate) * 100).toFixed(1)}%`;
}
