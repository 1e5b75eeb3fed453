// Rectification tasks: physicians see their own (appeal, mark done); reviewers see all and decide on appeals.
import { h, clear, field, select } from '../dom.js';
import { t, label, formatDate } from '../i18n.js';
import { get, post, query } from '../api.js';
import { errorText, toast, statusPill, pageHeader } from '../ui.js';

const STATUSES = ['open', 'appealed', 'appeal_accepted', 'appeal_rejected', 'done'];

export async function render(container, ctx) {
  const reviewer = ['reviewer', 'admin'].includes(ctx.me.role);
  const status = ctx.query.status || '';
  const filter = field(t('tasks.filter'), select([['', t('common.all')], ...STATUSES.map((s) => [s, label('taskStatus', s)])], status,
    { testid: 'tasks-status', on: { change: (e) => ctx.navigate(`#/tasks${query({ status: e.target.value })}`) } }), { class: 'inline' });
  const body = h('div', h('div.loading', { role: 'status' }, t('common.loading')));
  container.append(pageHeader(t('tasks.title'), t('tasks.subtitle'), filter), body);
  const list = await get(`/api/v1/tasks${query({ status })}`);
  if (!ctx.alive()) return;
  if (!list.length) {
    body.replaceChildren(h('div.card', h('p.empty', { testid: 'tasks-empty' }, t('tasks.empty'))));
    return;
  }
  const rows = h('tbody');
  const table = h('table.data', { testid: 'tasks-table' },
    h('thead', h('tr', ['tasks.id', 'tasks.record', 'tasks.assignee', 'tasks.createdBy', 'tasks.due', 'tasks.status', 'tasks.note', 'tasks.actions']
      .map((k) => h('th', { scope: 'col' }, t(k))))), rows);
  for (const task of list) rows.append(row(task, ctx, reviewer));
  body.replaceChildren(h('div.card.table-card', h('div.table-scroll', table)));
}

function row(task, ctx, reviewer) {
  const tr = h('tr', { testid: 'task-row', dataset: { taskId: String(task.id), status: task.status } });
  const mine = task.assignee === ctx.me.username;
  const actions = h('div.task-actions');
  const errorEl = h('div', { 'aria-live': 'polite' });
  const reasonForm = (labelKey, buttons) => {
    const reason = h('textarea', { rows: '2', testid: 'task-reason' });
    const form = h('div.task-form', field(t(labelKey), reason), h('div.row', buttons(reason),
      h('button.btn.btn-sm', { type: 'button', on: { click: () => { form.remove(); } } }, t('common.cancel'))));
    return { form, reason };
  };
  const act = async (path, body) => {
    clear(errorEl);
    try {
      const updated = await post(`/api/v1/tasks/${task.id}/${path}`, body);
      toast(label('taskStatus', updated.status));
      tr.replaceWith(row(updated, ctx, reviewer));
    } catch (e) {
      errorEl.append(h('div.alert.alert-error', { role: 'alert', testid: 'task-error' }, errorText(e)));
    }
  };
  if (!reviewer && mine && task.status === 'open') {
    actions.append(h('button.btn.btn-sm', { type: 'button', testid: 'task-appeal', on: { click: () => {
      const { form } = reasonForm('tasks.appealReasonLabel', (reason) => h('button.btn.btn-sm.btn-primary', { type: 'button', testid: 'task-appeal-submit',
        on: { click: () => {
          if (!reason.value.trim()) { clear(errorEl).append(h('div.alert.alert-error', { role: 'alert', testid: 'task-error' }, t('tasks.reasonRequired'))); return; }
          act('appeal', { reason: reason.value.trim() });
        } } }, t('common.submit')));
      actions.append(form);
      form.querySelector('textarea').focus();
    } } }, t('tasks.appeal')));
  }
  if (reviewer && task.status === 'appealed') {
    actions.append(h('button.btn.btn-sm', { type: 'button', testid: 'task-decide', on: { click: () => {
      const { form } = reasonForm('tasks.decisionReasonLabel', (reason) => [
        h('button.btn.btn-sm.btn-primary', { type: 'button', testid: 'task-accept', on: { click: () => act('decision', { accept: true, reason: reason.value.trim() || null }) } },
          t('tasks.accept')),
        h('button.btn.btn-sm.btn-danger', { type: 'button', testid: 'task-reject', on: { click: () => {
          if (!reason.value.trim()) { clear(errorEl).append(h('div.alert.alert-error', { role: 'alert', testid: 'task-error' }, t('tasks.reasonRequired'))); return; }
          act('decision', { accept: false, reason: reason.value.trim() });
        } } }, t('tasks.reject'))]);
      actions.append(form);
      form.querySelector('textarea').focus();
    } } }, `${t('tasks.accept')} / ${t('tasks.reject')}`));
  }
  if ((reviewer || mine) && (task.status === 'open' || task.status === 'appeal_rejected')) {
    actions.append(h('button.btn.btn-sm', { type: 'button', testid: 'task-done', on: { click: () => act('done') } }, t('tasks.done')));
  }
  const notes = [
    task.note ? h('div', h('span.muted.small', `${t('tasks.note')}: `), task.note) : null,
    task.appealReason ? h('div', h('span.muted.small', `${t('tasks.appealReason')}: `), h('span', { testid: 'task-appeal-reason' }, task.appealReason)) : null,
    task.decisionReason ? h('div', h('span.muted.small', `${t('tasks.decisionReason')}: `), task.decisionReason) : null,
  ];
  tr.append(
    h('td.num', String(task.id)),
    h('td', h('a', { href: `#/records/${encodeURIComponent(task.recordId)}`, testid: 'task-record' }, task.patientName || task.recordId),
      h('div.sub', task.department || '')),
    h('td', task.assignee || '—'),
    h('td', task.createdBy || '—'),
    h('td.nowrap', { class: task.overdue ? 'overdue' : null }, formatDate(task.dueDate), task.overdue ? h('span.tag.tag-veto', t('tasks.overdue')) : null),
    h('td', statusPill('taskStatus', task.status, 'task-status')),
    h('td.notes', notes),
    h('td', actions, errorEl));
  return tr;
}
