// Picking a model from the API's price catalog (GET /api/models): a search field, the entries that match as buttons, and
// picking one fills the price fields of the approach (or of its routed model). Every filled field stays editable, and
// says whether it still holds the catalog's rate; a rate the entry lacks is left empty and said to be missing, never 0.

import { problemOf, send } from './api.js';
import { element } from './dom.js';
import { money } from './format.js';
import { Decimal, parse } from './json.js';

// Which rate of an entry fills which field (its key in the scenario), and the words for it.
const baseRates = [
  ['pricing.inputPerMillion', 'input price', (entry) => entry.inputPerMillion],
  ['pricing.cachedInputPerMillion', 'cached input price', (entry) => entry.cachedInputPerMillion],
  ['pricing.outputPerMillion', 'output price', (entry) => entry.outputPerMillion],
];

const fineTunedRates = [
  ['pricing.inputPerMillion', 'fine-tuned input price', (entry) => entry.fineTune?.inputPerMillion],
  ['pricing.cachedInputPerMillion', 'fine-tuned cached input price', (entry) => entry.fineTune?.cachedInputPerMillion],
  ['pricing.outputPerMillion', 'fine-tuned output price', (entry) => entry.fineTune?.outputPerMillion],
  ['hostingPerHour', 'hosting per hour', (entry) => entry.fineTune?.hostingPerHour],
  ['training.trainingPerMillion', 'training price', (entry) => entry.fineTune?.trainingPerMillion],
];

const routedRates = baseRates.map(([key, words, rate]) => [`routing.${key}`, `routed ${words}`, rate]);

function text(value) {
  return value instanceof Decimal ? value.text : value === null || value === undefined ? null : String(value);
}

function rateWords(entry, kind) {
  const fineTuned = kind === 'fine-tune';
  const rates = fineTuned ? entry.fineTune : entry;
  if (!rates) return 'the catalog has no fine-tuned rates for it';
  const part = (label, value) => `${label} ${value === null || value === undefined ? 'unknown' : money(Number(text(value)))}`;
  return `${fineTuned ? 'fine-tuned: ' : ''}${part('input', rates.inputPerMillion)}, ${part('output', rates.outputPerMillion)} per million`;
}

let nextPicker = 0;

/**
 * The picker of one approach card (`target` 'approach') or of its routed model (`target` 'routing'). `kindOf` gives the
 * approach's kind now; the picker fills the inputs of `card` whose data-key it knows.
 */
export function modelPicker(card, target, kindOf) {
  const n = nextPicker++;
  const id = `model-${n}`;
  const input = element('input', {
    id, type: 'search', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-hint`, 'aria-controls': `${id}-results`,
  });
  const count = element('p', { class: 'hint', id: `${id}-count`, role: 'status' });
  const results = element('ul', { class: 'catalog-results', id: `${id}-results`, 'aria-label': 'Models that match' });
  const source = element('div', { class: 'catalog-source', id: `${id}-source`, role: 'status' });
  const routed = target === 'routing';
  const box = element('div', { class: 'catalog', 'data-catalog': target },
    element('div', { class: 'field' },
      element('label', { for: id }, routed ? 'Routed model from the price catalog' : 'Model from the price catalog'),
      element('p', { class: 'hint', id: `${id}-hint` },
        'Type part of a name, such as gpt-4.1-mini or azure, and pick one: its prices fill the fields',
        routed ? ' of the routed model' : ' below', '. You can still change any of them.'),
      input),
    count, results, source);

  let picked = null; // { entry, filled: Map(key -> text or null) }
  let searching = 0;
  let timer = 0;

  async function search() {
    const query = input.value.trim();
    const ticket = ++searching;
    const parameters = new URLSearchParams({ pageSize: '20' });
    if (query) parameters.set('q', query.slice(0, 100));
    let page;
    try {
      const response = await send('GET', `models?${parameters}`);
      if (!response.ok) throw await problemOf(response);
      page = parse(await response.text());
    } catch (error) {
      if (ticket !== searching) return;
      count.textContent = `The catalog could not be searched: ${error.message}`;
      results.replaceChildren();
      return;
    }
    if (ticket !== searching) return;
    const kind = routed ? 'prompt' : kindOf();
    results.replaceChildren(...page.items.map((entry) => element('li', {},
      element('button', { type: 'button', class: 'catalog-entry', 'data-model-id': entry.id },
        element('span', { class: 'catalog-id' }, entry.id),
        element('span', { class: 'catalog-rates' }, rateWords(entry, kind))))));
    count.textContent = page.items.length === 0
      ? `No model in the catalog matches "${query}".`
      : `${page.items.length}${page.continuationToken ? ' or more' : ''} ${page.items.length === 1 ? 'model matches' : 'models match'}${query ? ` "${query}"` : ''}: pick one.`;
    for (const button of results.querySelectorAll('button')) {
      button.addEventListener('click', () => pick(page.items.find((entry) => entry.id === button.dataset.modelId)));
    }
  }

  function fieldOf(key) {
    return card.querySelector(`[data-key="${key}"]`);
  }

  function rates() {
    if (routed) return routedRates;
    return kindOf() === 'fine-tune' ? fineTunedRates : baseRates;
  }

  /** Fills the fields from `entry`; a field the person changed since the last pick keeps their value when `keepChanged`. */
  function fill(entry, keepChanged) {
    const filled = new Map();
    const missing = [];
    const kept = [];
    for (const [key, words, rate] of rates()) {
      const field = fieldOf(key);
      if (!field) continue;
      const value = text(rate(entry));
      const before = picked?.filled.get(key);
      const changed = picked && picked.filled.has(key) && field.value.trim() !== (before ?? '');
      if (keepChanged && changed) {
        kept.push(words);
        filled.set(key, before);
        continue;
      }
      field.value = value ?? '';
      filled.set(key, value);
      if (value === null) missing.push(words);
    }
    picked = { entry, filled };
    markFields();
    const since = `in effect since ${entry.effectiveFrom}`;
    const fineTuned = !routed && kindOf() === 'fine-tune';
    source.replaceChildren(...[
      element('p', {}, element('strong', {}, entry.id), ` (${since}${fineTuned ? ', fine-tuned rates' : ''}). Source: ${entry.source}`),
      missing.length === 0 ? null : element('p', { class: 'catalog-missing' },
        `The catalog has no ${list(missing)} for this model: ${missing.length === 1 ? 'that field is' : 'those fields are'} left empty. `,
        'Enter the rate if you know it.'),
      kept.length === 0 ? null : element('p', {}, `Your ${list(kept)} ${kept.length === 1 ? 'is' : 'are'} kept.`),
    ].filter(Boolean));
  }

  function pick(entry) {
    if (!entry) return;
    picked = null;
    fill(entry, false);
    input.value = entry.id;
    results.replaceChildren();
    count.textContent = `Filled the prices of ${entry.id}.`;
    input.focus();
  }

  /** Each field the picker filled says whether it still holds the catalog's rate. */
  function markFields() {
    for (const [key] of [...baseRates, ...fineTunedRates, ...routedRates]) {
      const field = fieldOf(key);
      if (!field) continue;
      field.closest('.field').querySelector(':scope > .catalog-note')?.remove();
      const describedBy = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((token) => token && !token.endsWith('-catalog'));
      if (!picked?.filled.has(key)) {
        setDescribedBy(field, describedBy);
        continue;
      }
      const catalog = picked.filled.get(key);
      const mine = field.value.trim();
      const note = element('p', { class: 'hint catalog-note', id: `${field.id}-catalog` },
        catalog === null
          ? (mine === '' ? 'Not in the catalog: enter it if you know it.' : 'Yours: the catalog has none.')
          : mine === catalog ? 'From the catalog.' : `Yours; the catalog's is ${catalog}.`);
      field.before(note);
      setDescribedBy(field, [...describedBy, note.id]);
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    // Enter searches at once rather than submitting the scenario.
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
  card.addEventListener('input', (event) => {
    if (picked && event.target.matches('[data-key]') && picked.filled.has(event.target.dataset.key)) markFields();
  });

  return {
    element: box,
    /** After the approach's kind changed: the picked entry's rates for the new kind, keeping what the person typed. */
    kindChanged() {
      if (!picked || routed) return;
      const previous = picked;
      fill(previous.entry, true);
      // A rate the old kind filled and the new one does not (hosting, training) is cleared unless the person changed it.
      for (const [key, value] of previous.filled) {
        const field = fieldOf(key);
        if (!picked.filled.has(key) && field && field.value.trim() === (value ?? '')) field.value = '';
      }
    },
  };
}

function setDescribedBy(field, tokens) {
  if (tokens.length) field.setAttribute('aria-describedby', tokens.join(' '));
  else field.removeAttribute('aria-describedby');
}

function list(items) {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
