// The scenario's fields as the form shows them: one table per part of the scenario (economics.md section 1), from which
// the inputs, the JSON sent and the placing of the API's refusals all follow. Units are in the labels; a field left
// empty is left out of the scenario, so the API's default applies.

import { Decimal, get, numberFrom } from './json.js';

const dollars = 'US$';
const perMillion = 'US$ per million tokens';
const fraction = 'a fraction: 0.05 is 5%';

export const scenarioGroups = [
  {
    legend: 'Scenario',
    fields: [
      { key: 'name', label: 'Name', type: 'text' },
      {
        key: 'segment', label: 'Industry segment', type: 'select', hint: 'which benchmark bands apply',
        options: [['', 'All sectors (default)'], ['ai-first-saas', 'AI-first SaaS'], ['enterprise-ai', 'Enterprise AI'], ['consumer-ai', 'Consumer AI']],
      },
    ],
  },
  {
    legend: 'Volume and horizon',
    fields: [
      { key: 'workload.requestsPerMonth', label: 'Requests per month', type: 'number', hint: 'in the first month' },
      { key: 'workload.horizonMonths', label: 'Horizon', type: 'integer', hint: 'months, 1 to 120; 12 when empty' },
      { key: 'workload.monthlyGrowthRate', label: 'Monthly growth', type: 'number', hint: `${fraction} a month; 0 when empty` },
    ],
  },
];

export const optionalGroups = [
  {
    legend: 'Quality (optional)',
    fields: [
      { key: 'quality.valuePerCorrectOutput', label: 'Value of a correct output', type: 'number', hint: dollars },
      { key: 'quality.costPerError', label: 'Cost of an error that reaches a user', type: 'number', hint: dollars },
      { key: 'quality.reviewRate', label: 'Share of outputs reviewed', type: 'number', hint: fraction },
      { key: 'quality.reviewMinutes', label: 'Minutes per review', type: 'number' },
      { key: 'quality.reviewerHourlyRate', label: 'Reviewer hourly rate', type: 'number', hint: `${dollars} per hour` },
      { key: 'quality.requiredAccuracy', label: 'Required accuracy', type: 'number', hint: `${fraction}; approaches below it are excluded` },
    ],
  },
  {
    legend: 'Revenue (optional)',
    fields: [
      { key: 'revenue.perRequest', label: 'Revenue per request', type: 'number', hint: dollars },
      { key: 'revenue.perUserPerMonth', label: 'Subscription per user per month', type: 'number', hint: dollars },
      { key: 'revenue.requestsPerUserPerMonth', label: 'Requests per user per month', type: 'number' },
      { key: 'revenue.targetGrossMargin', label: 'Target gross margin', type: 'number', hint: `${fraction}; 0.5 when empty` },
    ],
  },
  {
    legend: 'Caching and batching (optional)',
    fields: [
      { key: 'optimizations.cacheHitRate', label: 'Response cache hit rate', type: 'number', hint: fraction },
      { key: 'optimizations.cacheLookupCost', label: 'Cost of a cache hit', type: 'number', hint: `${dollars} per request` },
      { key: 'optimizations.batchShare', label: 'Share sent through a batch API', type: 'number', hint: fraction },
      { key: 'optimizations.batchDiscount', label: 'Batch discount', type: 'number', hint: `${fraction}; 0.5 when empty` },
    ],
  },
];

export const approachKinds = [['prompt', 'Prompt'], ['rag', 'Retrieval (RAG)'], ['fine-tune', 'Fine-tuned model']];

// A model picked from the catalog (`catalog`: the picker stands before the group's fields) fills the pricing fields; they
// stay editable (a negotiated price wins).
export const approachGroups = [
  {
    fields: [
      { key: 'id', label: 'Id', type: 'text', hint: 'lowercase letters, digits and hyphens' },
      { key: 'kind', label: 'Kind', type: 'select', options: approachKinds },
      { key: 'accuracy', label: 'Accuracy', type: 'number', hint: 'a fraction of outputs that are correct, e.g. 0.9' },
    ],
  },
  {
    catalog: 'approach',
    fields: [
      { key: 'pricing.inputPerMillion', label: 'Input price', type: 'number', hint: perMillion },
      { key: 'pricing.outputPerMillion', label: 'Output price', type: 'number', hint: perMillion },
      { key: 'pricing.cachedInputPerMillion', label: 'Cached input price', type: 'number', hint: `${perMillion}; the input price when empty` },
      { key: 'inputTokens', label: 'Input tokens per request', type: 'integer' },
      { key: 'cachedInputTokens', label: 'Of which cached', type: 'integer' },
      { key: 'outputTokens', label: 'Output tokens per request', type: 'integer' },
      { key: 'fixedMonthlyCost', label: 'Fixed cost per month', type: 'number', hint: `${dollars}, e.g. a vector database` },
      { key: 'hostingPerHour', label: 'Hosting per hour', type: 'number', hint: `${dollars}, billed 730 hours a month` },
    ],
  },
  {
    legend: 'Training',
    kinds: ['fine-tune'],
    fields: [
      { key: 'training.trainingTokens', label: 'Training tokens', type: 'integer' },
      { key: 'training.epochs', label: 'Epochs', type: 'integer' },
      { key: 'training.trainingPerMillion', label: 'Training price', type: 'number', hint: perMillion },
      { key: 'training.gpuHours', label: 'GPU hours per run', type: 'number' },
      { key: 'training.gpuHourlyRate', label: 'GPU hourly rate', type: 'number', hint: `${dollars} per hour` },
      { key: 'training.dataPreparationCost', label: 'Data preparation', type: 'number', hint: `${dollars}, once` },
      { key: 'training.evaluationCost', label: 'Evaluation per run', type: 'number', hint: dollars },
      { key: 'training.retrainEveryMonths', label: 'Retrain every', type: 'integer', hint: 'months; trained once when empty' },
    ],
  },
  {
    legend: 'Retrieval (optional)',
    optional: true,
    fields: [
      { key: 'retrieval.contextTokens', label: 'Retrieved tokens per request', type: 'integer' },
      { key: 'retrieval.embeddingTokens', label: 'Embedded tokens per query', type: 'integer' },
      { key: 'retrieval.embeddingPerMillion', label: 'Embedding price', type: 'number', hint: perMillion },
      { key: 'retrieval.costPerQuery', label: 'Vector search per query', type: 'number', hint: dollars },
    ],
  },
  {
    legend: 'Routing to another model (optional)',
    optional: true,
    catalog: 'routing',
    fields: [
      { key: 'routing.share', label: 'Share of requests routed', type: 'number', hint: fraction },
      { key: 'routing.accuracy', label: 'Routed model accuracy', type: 'number', hint: 'a fraction' },
      { key: 'routing.pricing.inputPerMillion', label: 'Routed input price', type: 'number', hint: perMillion },
      { key: 'routing.pricing.outputPerMillion', label: 'Routed output price', type: 'number', hint: perMillion },
      { key: 'routing.pricing.cachedInputPerMillion', label: 'Routed cached input price', type: 'number', hint: perMillion },
    ],
  },
];

/** The label of every field key, for sentences about a path. */
export const labels = new Map([...scenarioGroups, ...optionalGroups, ...approachGroups]
  .flatMap((group) => group.fields.map((field) => [field.key, field.label])));

/** One labelled input (or select) with its hint; `id` must be unique in the page. */
export function fieldElement(field, id) {
  const wrapper = document.createElement('div');
  wrapper.className = 'field';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = field.label;
  wrapper.append(label);
  const described = [];
  if (field.hint) {
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.id = `${id}-hint`;
    hint.textContent = field.hint;
    wrapper.append(hint);
    described.push(hint.id);
  }
  let input;
  if (field.type === 'select') {
    input = document.createElement('select');
    for (const [value, text] of field.options) input.add(new Option(text, value));
  } else {
    input = document.createElement('input');
    input.type = 'text';
    if (field.type !== 'text') {
      input.inputMode = field.type === 'integer' ? 'numeric' : 'decimal';
      input.autocomplete = 'off';
    }
  }
  input.id = id;
  input.name = field.key;
  input.dataset.key = field.key;
  input.dataset.type = field.type;
  if (described.length) input.setAttribute('aria-describedby', described.join(' '));
  wrapper.append(input);
  return wrapper;
}

/** The value a field contributes to the scenario: undefined when empty, so the property is left out. */
export function valueOf(input) {
  const text = input.value.trim();
  if (text === '') return undefined;
  return input.dataset.type === 'number' || input.dataset.type === 'integer' ? numberFrom(text) : text;
}

/** Puts the scenario's value at the field's key into it (empty when absent). */
export function fill(input, scenarioPart) {
  const value = get(scenarioPart, input.dataset.key);
  input.value = value === undefined || value === null ? '' : value instanceof Decimal ? value.text : String(value);
}
