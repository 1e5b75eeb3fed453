// Small DOM helpers: build elements without innerHTML, so record text and API messages are never parsed as HTML.

/** h('tag.class', {attrs, on: {click}}, ...children); children may be strings, nodes, arrays, null. */
export function h(spec, attrs, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === 'class') el.className = [el.className, v].filter(Boolean).join(' ');
    else if (k === 'testid') el.setAttribute('data-testid', v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value' && 'value' in el) el.value = v;
    else if (k === 'checked' || k === 'selected' || k === 'disabled') el[k] = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

let uid = 0;
/** A unique id for label/for pairs. */
export function nextId(prefix = 'f') { return `${prefix}-${++uid}`; }

/** A labelled form field: returns the wrapper; the control gets an id and the label points at it. */
export function field(label, control, opts = {}) {
  if (!control.id) control.id = nextId('fld');
  return h('div.field', { class: opts.class },
    h('label', { for: control.id }, label),
    control,
    opts.hint ? h('div.hint', opts.hint) : null);
}

/** <select> from [[value, label], …]. */
export function select(options, value, attrs = {}) {
  const s = h('select', attrs);
  for (const [v, label] of options) s.append(h('option', { value: v, selected: String(v) === String(value ?? '') }, label));
  return s;
}
