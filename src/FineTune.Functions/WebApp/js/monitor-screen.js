// A saved scenario's monitor: actual spend against the plan over a window of days (the API's monitor view and its
// chart), the period to date and the forecast of the horizon, the alerts to acknowledge, and a form to record a day.

import { ApiProblem, problemOf, readJson, send, showingProblems } from './api.js';
import { element, table } from './dom.js';
import { count, money, moment } from './format.js';
import { numberFrom, stringify } from './json.js';

// A long window shows its latest days in the table; the chart and the months cover all of it.
const maxDayRows = 92;

const severities = { warning: 'Warning', alert: 'Alert' };
const kinds = { 'over-plan': 'Over plan', spike: 'Spike', accuracy: 'Accuracy', pace: 'Pace' };

let shownChart = null;

/** The screen of scenario `id`. */
export async function show(screen, id) {
  const path = `scenarios/${encodeURIComponent(id)}`;
  const title = element('h1', { tabindex: '-1' }, 'Monitor');
  const status = element('p', { class: 'status', role: 'status' });
  const lead = element('p', { class: 'lead' });
  const links = element('p', { class: 'screen-links' }, element('a', { href: `#/scenarios/${encodeURIComponent(id)}` }, 'Back to the scenario'));
  const windowForm = element('form', { class: 'window', novalidate: '', 'aria-labelledby': 'window-title' },
    element('h2', { id: 'window-title', class: 'visually-hidden' }, 'Days shown'),
    element('div', { class: 'grid' }, dateField('from', 'From', 'the monitoring start when empty'), dateField('to', 'To', 'today when empty')),
    element('div', { class: 'actions' }, element('button', { type: 'submit', class: 'secondary' }, 'Show these days')));
  const view = element('div', { class: 'monitor-view' });
  const record = recordForm();
  screen.replaceChildren(title, lead, links, status, windowForm, view, record.element);

  let name = id;

  async function load(focusTitle) {
    const query = new URLSearchParams();
    for (const key of ['from', 'to']) {
      const value = windowForm.querySelector(`[name=${key}]`).value.trim();
      if (value) query.set(key, value);
    }
    const suffix = query.toString() ? `?${query}` : '';
    const response = await send('GET', `${path}/monitor${suffix}`);
    if (response.status === 400) {
      showErrors(windowForm, (await problemOf(response)).errors, (key) => windowForm.querySelector(`[name="${key}"]`));
      return;
    }
    if (response.status === 404) throw new ApiProblem(404, { detail: 'This workspace has no such scenario. It may have been deleted, or saved in another workspace.' });
    const monitor = await readJson(response);
    clearErrors(windowForm);
    lead.textContent = `What ${monitor.approachId}, the approach in production, has cost each day since monitoring started on ${monitor.startDate}, `
      + 'against what the scenario planned for that day.';
    await render(monitor, suffix);
    if (focusTitle) title.focus();
  }

  async function render(monitor, suffix) {
    const chart = await chartFigure(`${path}/charts/monitor.svg${suffix}`);
    const toDate = monitor.toDate;
    const forecast = monitor.forecast;
    const days = monitor.days.slice(-maxDayRows).reverse();
    view.replaceChildren(...[
      element('section', { class: 'monitor-summary', 'aria-labelledby': 'summary-title' },
        element('h2', { id: 'summary-title' }, `${monitor.from} to ${monitor.to}`),
        element('dl', { class: 'figures-list' },
          element('dt', {}, `To date, through ${toDate.through}`),
          element('dd', {}, toDate.actual === null
            ? `No usage recorded yet; ${money(toDate.plan)} planned over ${toDate.days} ${toDate.days === 1 ? 'day' : 'days'}.`
            : `${money(toDate.actual)} spent against ${money(toDate.plan)} planned: ${variance(toDate.variance)}. `
              + `${toDate.daysWithRecords} of ${toDate.days} ${toDate.days === 1 ? 'day has' : 'days have'} usage.`),
          element('dt', {}, `Forecast of the horizon, to ${forecast.horizonEnd}`),
          element('dd', {}, `${money(forecast.horizonCost)} against ${money(forecast.plannedHorizonCost)} planned: ${variance(forecast.variance)}.`))),
      alertsSection(monitor.alerts),
      element('section', { 'aria-labelledby': 'monitor-chart-title' }, element('h2', { id: 'monitor-chart-title' }, 'Actual against plan'),
        element('div', { class: 'charts single' }, chart)),
      element('section', { 'aria-labelledby': 'months-title' },
        element('h2', { id: 'months-title' }, 'By month and by day'),
        table('Each calendar month of the days shown', ['Month', 'Days with usage', 'Requests', 'Actual', 'Plan', 'Variance'],
          monitor.months.map((m) => [m.month, `${m.daysWithRecords} of ${daysIn(m)}`, count(m.requests), money(m.actual), money(m.plan), money(m.variance)])),
        table(monitor.days.length > maxDayRows ? `The latest ${maxDayRows} of ${monitor.days.length} days, newest first` : 'Each day, newest first',
          ['Day', 'Requests', 'Actual', 'Plan', 'Variance'],
          days.map((d) => [d.date, d.requests === null ? 'no usage' : count(d.requests), money(d.actual), money(d.plan), money(d.variance)]))),
      monitor.notes.length === 0 ? null : element('section', { class: 'notes', 'aria-labelledby': 'monitor-notes-title' },
        element('h2', { id: 'monitor-notes-title' }, 'Notes'),
        element('ul', {}, ...monitor.notes.map((note) => element('li', {}, note)))),
    ].filter(Boolean));
    for (const button of view.querySelectorAll('button[data-alert]')) {
      button.addEventListener('click', () => run(() => acknowledge(button)));
    }
  }

  function alertsSection(alerts) {
    const open = alerts.filter((a) => !a.acknowledgedAt).length;
    return element('section', { class: 'alerts', 'aria-labelledby': 'alerts-title' },
      element('h2', { id: 'alerts-title' }, 'Alerts'),
      alerts.length === 0
        ? element('p', {}, 'No alerts for these days.')
        : element('p', {}, `${alerts.length} ${alerts.length === 1 ? 'alert' : 'alerts'}, ${open} not acknowledged yet, newest day first.`),
      alerts.length === 0 ? null : element('ul', { class: 'alert-list' }, ...alerts.map((alert) => element('li', { class: `alert-item ${alert.severity}`, id: `alert-${alert.id}` },
        element('p', { class: 'alert-head' },
          element('strong', {}, `${severities[alert.severity] ?? alert.severity}: ${kinds[alert.kind] ?? alert.kind}`), ` on ${alert.date}`),
        element('p', {}, alert.message),
        element('p', { class: 'alert-state' }, acknowledgement(alert)),
        alert.acknowledgedAt ? null : element('button', { type: 'button', class: 'secondary', 'data-alert': alert.id },
          'Acknowledge', element('span', { class: 'visually-hidden' }, ` the ${kinds[alert.kind] ?? alert.kind} alert of ${alert.date}`))))));
  }

  async function acknowledge(button) {
    const alert = await readJson(await send('POST', `alerts/${encodeURIComponent(button.dataset.alert)}/acknowledge`));
    const item = button.closest('li');
    item.querySelector('.alert-state').textContent = acknowledgement(alert);
    button.remove();
    const open = view.querySelectorAll('button[data-alert]').length;
    const summary = view.querySelector('.alerts > p');
    summary.textContent = summary.textContent.replace(/, \d+ not acknowledged yet/, `, ${open} not acknowledged yet`);
    status.textContent = `Acknowledged the ${kinds[alert.kind] ?? alert.kind} alert of ${alert.date}.`;
    item.tabIndex = -1;
    item.focus();
  }

  const run = (action) => showingProblems(status, action);

  windowForm.addEventListener('submit', (event) => {
    event.preventDefault();
    run(() => load(false));
  });
  record.element.addEventListener('submit', (event) => {
    event.preventDefault();
    run(async () => {
      const { json, places } = record.build();
      const response = await send('POST', `${path}/usage`, { json });
      if (response.status === 400) {
        showErrors(record.element, (await problemOf(response)).errors, (key) => places.get(key) ?? places.get(key.replace(/^records\[0\]\./, '')));
        return;
      }
      const receipt = await readJson(response);
      clearErrors(record.element);
      await load(false);
      const fired = receipt.alerts.length;
      status.textContent = `Recorded the usage of ${record.date()}${fired ? `; it raised ${fired} ${fired === 1 ? 'alert' : 'alerts'}` : ''}.`;
    });
  });

  await run(async () => {
    const stored = await send('GET', path);
    if (stored.ok) name = (await stored.json()).scenario.name;
    title.textContent = `Monitor: ${name}`;
    document.title = `Monitor: ${name} - Fine-tuning economics`;
    await load(true);
  });
}

function daysIn(month) {
  const from = new Date(`${month.from}T00:00:00Z`);
  const to = new Date(`${month.to}T00:00:00Z`);
  return Math.round((to - from) / 86_400_000) + 1;
}

function variance(value) {
  if (value === null || value === undefined) return 'no variance yet';
  if (value === 0) return 'on plan';
  return value > 0 ? `${money(value)} over plan` : `${money(-value)} under plan`;
}

function acknowledgement(alert) {
  return alert.acknowledgedAt ? `Acknowledged ${moment(alert.acknowledgedAt)}.` : 'Not acknowledged yet.';
}

function dateField(name, label, hint) {
  const id = `window-${name}`;
  return element('div', { class: 'field' },
    element('label', { for: id }, label),
    element('p', { class: 'hint', id: `${id}-hint` }, `YYYY-MM-DD; ${hint}`),
    element('input', { id, name, type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-hint` }));
}

/** The form that records one day of usage of the approach in production. */
function recordForm() {
  const fields = [
    { key: 'date', label: 'Day', hint: 'YYYY-MM-DD, UTC; not in the future', type: 'date' },
    { key: 'requests', label: 'Requests that day', type: 'integer' },
    { key: 'spend', label: 'Spend that day', hint: 'US$, as billed; or leave empty and give the tokens', type: 'number' },
    { key: 'inputTokens', label: 'Input tokens that day', hint: 'the day\'s total', type: 'integer' },
    { key: 'outputTokens', label: 'Output tokens that day', hint: 'the day\'s total', type: 'integer' },
  ];
  const places = new Map();
  const grid = element('div', { class: 'grid' }, ...fields.map((field) => {
    const id = `usage-${field.key}`;
    const input = element('input', {
      id, name: field.key, type: 'text', autocomplete: 'off', spellcheck: 'false',
      inputmode: field.type === 'integer' ? 'numeric' : field.type === 'number' ? 'decimal' : null,
      'aria-describedby': field.hint ? `${id}-hint` : null,
    });
    places.set(field.key, input);
    return element('div', { class: 'field' },
      element('label', { for: id }, field.label),
      field.hint ? element('p', { class: 'hint', id: `${id}-hint` }, field.hint) : null,
      input);
  }));
  const form = element('form', { class: 'record-usage', novalidate: '', 'aria-labelledby': 'record-title' },
    element('h2', { id: 'record-title' }, 'Record a day of usage'),
    element('p', { class: 'hint' }, 'Usage usually arrives from your billing export through the API; a day entered here replaces that day\'s record.'),
    grid,
    element('div', { class: 'actions' }, element('button', { type: 'submit', class: 'primary' }, 'Record this day')));
  places.get('date').value = new Date().toISOString().slice(0, 10);
  return {
    element: form,
    date: () => places.get('date').value,
    build() {
      const entry = {};
      for (const field of fields) {
        const text = places.get(field.key).value.trim();
        if (text === '') continue;
        entry[field.key] = field.type === 'date' ? text : numberFrom(text);
      }
      return { json: stringify({ records: [entry] }), places };
    },
  };
}

async function chartFigure(apiPath) {
  const response = await send('GET', apiPath);
  if (!response.ok) throw await problemOf(response);
  const svg = await response.text();
  const picture = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const title = picture.querySelector('title')?.textContent ?? 'Chart';
  const description = picture.querySelector('desc')?.textContent ?? '';
  if (shownChart) URL.revokeObjectURL(shownChart);
  shownChart = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  const root = picture.documentElement;
  return element('figure', { class: 'chart', 'data-kind': 'monitor' },
    element('img', { src: shownChart, alt: `${title}. ${description}`, width: root.getAttribute('width'), height: root.getAttribute('height') }));
}

function clearErrors(form) {
  for (const node of form.querySelectorAll('.field-error')) node.remove();
  for (const node of form.querySelectorAll('[aria-invalid]')) {
    node.removeAttribute('aria-invalid');
    const describedBy = (node.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error'));
    if (describedBy.length) node.setAttribute('aria-describedby', describedBy.join(' '));
    else node.removeAttribute('aria-describedby');
  }
  for (const node of form.querySelectorAll('.has-error')) node.classList.remove('has-error');
  form.querySelector('.form-errors')?.remove();
}

/** Each refusal at the input its key names (`from`, `records[0].spend`), the others above the form's buttons. */
function showErrors(form, errors, placeOf) {
  clearErrors(form);
  const elsewhere = [];
  let first = null;
  for (const [key, messages] of Object.entries(errors)) {
    const input = placeOf(key);
    const text = messages.join(' ');
    if (!input) {
      elsewhere.push(`${key}: ${text}`);
      continue;
    }
    const message = element('p', { class: 'field-error', id: `${input.id}-error` },
      element('span', { class: 'visually-hidden' }, 'Error: '), text.charAt(0).toUpperCase() + text.slice(1));
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} ${message.id}`.trim());
    input.before(message);
    input.closest('.field').classList.add('has-error');
    first ??= input;
  }
  if (elsewhere.length) {
    form.querySelector('.actions').before(element('div', { class: 'form-errors field-error', role: 'alert' },
      ...elsewhere.map((line) => element('p', {}, line))));
  }
  first?.focus();
}
