// The scenario screen: describe the approaches, volume, horizon and growth (and optionally quality, revenue, caching),
// analyse, see the results, and save to the workspace. Every refusal of the API is shown at the field its path names.

import { ApiProblem, problemOf, readJson, send } from './api.js';
import { clone, parse, set, stringify } from './json.js';
import { modelPicker } from './catalog.js';
import { element } from './dom.js';
import { approachGroups, fieldElement, fill, labels, optionalGroups, scenarioGroups, valueOf } from './fields.js';
import { renderAnalysis } from './results.js';

const maxApproaches = 10;

let nextCard = 0;

/** The screen, for a new scenario or (with `id`) a saved one. */
export async function show(screen, id) {
  const state = { id: null, etag: null, base: {} };
  const title = element('h1', { tabindex: '-1' }, id ? 'Saved scenario' : 'New scenario');
  const intro = element('p', { class: 'lead' },
    'Describe how you would serve the requests (prompting, retrieval or a fine-tuned model), the volume and the horizon, then analyse: ',
    'you get the cost per request, break-even, payback and a recommendation.');
  const status = element('p', { class: 'status', role: 'status' });
  const monitorLink = element('p', { class: 'screen-links', hidden: '' });
  const summary = element('div', { class: 'error-summary', tabindex: '-1', hidden: '' });
  const form = element('form', { novalidate: '', 'aria-labelledby': 'form-title' });
  const results = element('div', { class: 'results', hidden: '' });
  const example = element('button', { type: 'button', class: 'secondary', 'data-action': 'example' }, 'Fill in an example');
  screen.replaceChildren(title, intro, monitorLink, element('div', { class: 'actions' }, example), status, summary, form, results);

  const formTitle = element('h2', { id: 'form-title', class: 'visually-hidden' }, 'Scenario');
  const approachList = element('div', { class: 'approaches' });
  const addButton = element('button', { type: 'button', class: 'secondary' }, 'Add an approach');
  form.append(formTitle,
    ...scenarioGroups.map((group) => fieldset(group, `f-`)),
    element('h2', {}, 'Approaches'),
    element('p', { class: 'hint' }, 'One to ten ways of serving the requests. The first prompt approach is the baseline the others are measured against.'),
    approachList,
    element('div', { class: 'actions' }, addButton),
    element('h2', {}, 'More detail (optional)'),
    ...optionalGroups.map((group) => details(group, 'f-')),
    element('div', { class: 'actions submit' },
      element('button', { type: 'submit', class: 'primary' }, 'Analyse'),
      element('button', { type: 'button', class: 'secondary', 'data-action': 'save' }, 'Save to workspace')));

  addButton.addEventListener('click', () => {
    const card = addApproach(approachList, {});
    renumber(approachList, addButton);
    card.querySelector('input').focus();
  });
  example.addEventListener('click', async () => {
    const response = await fetch('example.json');
    load(parse(await response.text()));
    status.textContent = 'The example is filled in: a support-ticket triage with prompt, RAG and fine-tune approaches.';
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(() => analyse());
  });
  form.querySelector('[data-action="save"]').addEventListener('click', () => run(() => save()));

  function load(scenario) {
    state.base = clone(scenario);
    for (const input of form.querySelectorAll('[data-scope="scenario"]')) fill(input, scenario);
    approachList.replaceChildren();
    nextCard = 0;
    const approaches = Array.isArray(scenario.approaches) && scenario.approaches.length ? scenario.approaches : [{}];
    for (const approach of approaches) addApproach(approachList, approach);
    renumber(approachList, addButton);
    for (const box of form.querySelectorAll('details')) {
      box.open = [...box.querySelectorAll('input, select')].some((input) => input.value !== '');
    }
    clearErrors();
  }

  /** The scenario the form describes, as JSON text, and where each of its paths is shown. */
  function build() {
    const scenario = clone(state.base);
    const places = new Map();
    for (const input of form.querySelectorAll('[data-scope="scenario"]')) {
      set(scenario, input.dataset.key, valueOf(input));
      places.set(input.dataset.key, input);
    }
    scenario.approaches = [...approachList.children].map((card, i) => {
      const approach = clone(card.base);
      const kind = card.querySelector('[data-key="kind"]').value;
      places.set(`approaches[${i}]`, card);
      for (const part of card.querySelectorAll('[data-group]')) places.set(`approaches[${i}].${part.dataset.group}`, part);
      for (const input of card.querySelectorAll('[data-key]')) {
        if (input.closest('[data-kinds]') && !input.closest('[data-kinds]').dataset.kinds.split(' ').includes(kind)) {
          set(approach, input.dataset.key, undefined);
          continue;
        }
        set(approach, input.dataset.key, valueOf(input));
        places.set(`approaches[${i}].${input.dataset.key}`, input);
      }
      return approach;
    });
    return { json: stringify(scenario), places };
  }

  async function analyse() {
    const { json, places } = build();
    const response = await send('POST', 'analyses?include=decision', { json });
    if (response.status === 400) return showErrors(await problemOf(response), places);
    const analysis = await readJson(response);
    clearErrors();
    await renderAnalysis(results, analysis, json);
    results.querySelector('#results-title').focus();
    status.textContent = `Analysed. Recommendation: ${analysis.recommendation.approachId ?? 'none'}.`;
  }

  async function save() {
    const { json, places } = build();
    const response = state.id
      ? await send('PUT', `scenarios/${encodeURIComponent(state.id)}`, { json, ifMatch: state.etag })
      : await send('POST', 'scenarios', { json });
    if (response.status === 400) return showErrors(await problemOf(response), places);
    if (response.status === 412) {
      throw new ApiProblem(412, { detail: 'This scenario was changed elsewhere since you opened it. Open it again from Saved scenarios to see the latest version.' });
    }
    const stored = await readJson(response);
    clearErrors();
    state.id = stored.id;
    state.etag = stored.etag;
    status.textContent = `Saved to workspace ${stored.workspace} as "${stored.scenario.name}".`;
    if (location.hash !== `#/scenarios/${stored.id}`) history.replaceState(null, '', `#/scenarios/${stored.id}`);
    title.textContent = 'Saved scenario';
    showMonitorLink();
  }

  async function run(action) {
    status.textContent = '';
    try {
      await action();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      clearErrors();
      status.textContent = error.message;
      status.classList.add('failed');
    }
  }

  function clearErrors() {
    status.classList.remove('failed');
    summary.hidden = true;
    summary.replaceChildren();
    for (const node of form.querySelectorAll('.field-error')) node.remove();
    for (const node of form.querySelectorAll('[aria-invalid]')) {
      node.removeAttribute('aria-invalid');
      const describedBy = (node.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error'));
      if (describedBy.length) node.setAttribute('aria-describedby', describedBy.join(' '));
      else node.removeAttribute('aria-describedby');
    }
    for (const node of form.querySelectorAll('.has-error')) node.classList.remove('has-error');
  }

  /** Each refusal at the input its path names (or the nearest part of the form that has one), and all in a summary. */
  function showErrors(problem, places) {
    clearErrors();
    const items = [];
    for (const [path, messages] of Object.entries(problem.errors)) {
      const place = placeOf(path, places);
      const text = messages.join(' ');
      const sentence = `${describe(path, places)} ${text}`;
      if (place) {
        const message = element('p', { class: 'field-error', id: `${place.id}-error` },
          element('span', { class: 'visually-hidden' }, 'Error: '), capitalise(text));
        if (place.matches('input, select')) {
          place.setAttribute('aria-invalid', 'true');
          place.setAttribute('aria-describedby', `${place.getAttribute('aria-describedby') ?? ''} ${message.id}`.trim());
          place.before(message);
          place.closest('.field').classList.add('has-error');
        } else {
          place.querySelector('legend, summary')?.after(message);
          place.classList.add('has-error');
        }
        for (let box = place.closest('details'); box; box = box.parentElement.closest('details')) box.open = true;
      }
      items.push(element('li', {}, place ? element('a', { href: `#${place.id}` }, sentence) : sentence));
    }
    summary.replaceChildren(
      element('h2', { id: 'error-summary-title' }, 'The scenario needs changes'),
      element('ul', {}, ...items));
    summary.setAttribute('aria-labelledby', 'error-summary-title');
    summary.hidden = false;
    summary.focus();
    for (const link of summary.querySelectorAll('a')) {
      link.addEventListener('click', (event) => {
        event.preventDefault();
        const target = document.getElementById(link.getAttribute('href').slice(1));
        if (!target) return;
        if (!target.matches('input, select')) target.tabIndex = -1;
        target.focus();
      });
    }
  }

  function showMonitorLink() {
    monitorLink.replaceChildren(element('a', { href: `#/scenarios/${encodeURIComponent(state.id)}/monitor` }, 'Monitor its actual usage and alerts'));
    monitorLink.hidden = false;
  }

  if (id) {
    try {
      const response = await send('GET', `scenarios/${encodeURIComponent(id)}`);
      if (response.status === 404) throw new ApiProblem(404, { detail: 'This workspace has no such scenario. It may have been deleted, or saved in another workspace.' });
      if (!response.ok) throw await problemOf(response);
      const stored = parse(await response.text());
      state.id = stored.id;
      state.etag = stored.etag;
      load(stored.scenario);
      showMonitorLink();
      status.textContent = `Opened "${stored.scenario.name}" from workspace ${stored.workspace}.`;
      await run(() => analyse());
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      load({});
      status.textContent = error.message;
      status.classList.add('failed');
    }
  } else {
    load({});
  }
  title.focus();
}

function fieldset(group, prefix) {
  const box = element('fieldset', {}, element('legend', {}, group.legend));
  const grid = element('div', { class: 'grid' });
  for (const field of group.fields) {
    const wrapper = fieldElement(field, prefix + field.key.replaceAll('.', '-'));
    wrapper.querySelector('input, select').dataset.scope = 'scenario';
    grid.append(wrapper);
  }
  box.append(grid);
  return box;
}

function details(group, prefix) {
  const box = element('details', { class: 'group' }, element('summary', {}, group.legend));
  const grid = element('div', { class: 'grid' });
  for (const field of group.fields) {
    const wrapper = fieldElement(field, prefix + field.key.replaceAll('.', '-'));
    wrapper.querySelector('input, select').dataset.scope = 'scenario';
    grid.append(wrapper);
  }
  box.append(grid);
  return box;
}

function addApproach(list, approach) {
  const n = nextCard++;
  const card = element('fieldset', { class: 'approach', id: `approach-${n}` }, element('legend', {}, 'Approach'));
  card.base = clone(approach);
  const kindOf = () => card.querySelector('[data-key="kind"]').value;
  const pickers = [];
  for (const group of approachGroups) {
    const grid = element('div', { class: 'grid' });
    for (const field of group.fields) grid.append(fieldElement(field, `a${n}-${field.key.replaceAll('.', '-')}`));
    const picker = group.catalog ? modelPicker(card, group.catalog, kindOf) : null;
    if (picker) pickers.push(picker);
    if (!group.legend) {
      card.append(...(picker ? [picker.element, grid] : [grid]));
    } else if (group.kinds) {
      const name = group.fields[0].key.split('.')[0];
      const part = element('fieldset', { class: 'part', 'data-kinds': group.kinds.join(' '), 'data-group': name, id: `approach-${n}-${name}` },
        element('legend', {}, group.legend), grid);
      card.append(part);
    } else {
      const name = group.fields[0].key.split('.')[0];
      const box = element('details', { class: 'group', 'data-group': name, id: `approach-${n}-${name}` },
        element('summary', {}, group.legend), picker?.element, grid);
      card.append(box);
    }
  }
  const remove = element('button', { type: 'button', class: 'secondary', 'data-action': 'remove' }, 'Remove this approach');
  card.append(element('div', { class: 'actions' }, remove));
  for (const input of card.querySelectorAll('[data-key]')) fill(input, approach);
  const kind = card.querySelector('[data-key="kind"]');
  if (!kind.value) kind.value = 'prompt';
  const showKind = () => {
    for (const part of card.querySelectorAll('[data-kinds]')) part.hidden = !part.dataset.kinds.split(' ').includes(kind.value);
  };
  kind.addEventListener('change', () => {
    showKind();
    for (const picker of pickers) picker.kindChanged();
  });
  card.querySelector('[data-key="id"]').addEventListener('input', () => renumber(list));
  showKind();
  remove.addEventListener('click', () => {
    const next = card.nextElementSibling ?? card.previousElementSibling;
    card.remove();
    renumber(list, list.parentElement.querySelector('.approaches + .actions button'));
    next?.querySelector('input')?.focus();
  });
  list.append(card);
  return card;
}

function renumber(list, addButton) {
  const cards = [...list.children];
  cards.forEach((card, i) => {
    const id = card.querySelector('[data-key="id"]').value.trim();
    card.querySelector(':scope > legend').textContent = `Approach ${i + 1}${id ? `: ${id}` : ''}`;
    card.querySelector('[data-action="remove"]').disabled = cards.length === 1;
  });
  if (addButton) addButton.disabled = cards.length >= maxApproaches;
}

function placeOf(path, places) {
  for (let candidate = path; candidate; candidate = parent(candidate)) {
    if (places.has(candidate)) return places.get(candidate);
  }
  return null;
}

function parent(path) {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut > 0 ? path.slice(0, cut) : '';
}

// "Approach 2 (rag), accuracy:" for approaches[1].accuracy; "Requests per month:" for workload.requestsPerMonth.
function describe(path, places) {
  const match = /^approaches\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (!match) return `${labels.get(path) ?? path}:`;
  const id = places.get(`approaches[${match[1]}]`)?.querySelector('[data-key="id"]').value.trim();
  const approach = `Approach ${Number(match[1]) + 1}${id ? ` (${id})` : ''}`;
  return `${approach}${match[2] ? `, ${(labels.get(match[2]) ?? match[2]).toLowerCase()}` : ''}:`;
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

