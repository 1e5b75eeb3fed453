// The console's REST API. Every call sends X-Requested-With so a 401 carries no Basic challenge (no browser
// login dialog); errors become ApiError with the problem+json detail, never a stack trace.
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

let onUnauthorized = () => {};
export function setUnauthorizedHandler(fn) { onUnauthorized = fn; }

export async function api(method, path, body) {
  const headers = { 'X-Requested-With': 'fetch', Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'network', null);
  }
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    if (res.status === 401) onUnauthorized();
    const title = data && data.title ? data.title : res.statusText;
    const detail = data && data.detail ? data.detail : null;
    const err = new ApiError(res.status, title, detail);
    // validation failures list their problems (file, line, message, stage)
    err.problems = data && data.problems ? data.problems : null;
    throw err;
  }
  return data;
}

export const get = (path) => api('GET', path);
export const del = (path) => api('DELETE', path);

/** Sends a file's bytes as the body (pack zips, knowledge tables); the answer and errors as api(). */
export async function upload(method, path, blob, contentType) {
  let res;
  try {
    res = await fetch(path, { method, body: blob, credentials: 'same-origin',
      headers: { 'X-Requested-With': 'fetch', Accept: 'application/json', 'Content-Type': contentType } });
  } catch (e) {
    throw new ApiError(0, 'network', null);
  }
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    if (res.status === 401) onUnauthorized();
    const err = new ApiError(res.status, data && data.title ? data.title : res.statusText, data && data.detail ? data.detail : null);
    err.problems = data && data.problems ? data.problems : null;
    throw err;
  }
  return data;
}
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);

/** Form login: true on 200, false on 401. */
export async function login(username, password) {
  const form = new URLSearchParams({ j_username: username, j_password: password });
  let res;
  try {
    res = await fetch('/j_security_check', {
      method: 'POST', body: form, credentials: 'same-origin',
      headers: { 'X-Requested-With': 'fetch', 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  } catch (e) {
    throw new ApiError(0, 'network', null);
  }
  if (res.ok) return true;
  if (res.status === 401 || res.status === 403) return false;
  throw new ApiError(res.status, res.statusText, null);
}

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
