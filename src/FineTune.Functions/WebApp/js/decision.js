// What would change the answer (the analysis' decision section), in words: the nearest boundaries in one sentence, every
// boundary in a table, nearest first, and the inputs the answer does not depend on. A boundary is rounded to four
// significant digits towards today's value, so the sentence stays true.

import { element, table } from './dom.js';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 12 });
const cents = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 12 });

// The inputs section 7 studies: words for the sentence, whether the noun is plural, and how a value is written.
const scenarioInputs = {
  'workload.requestsPerMonth': { words: 'monthly requests', plural: true, unit: 'count' },
  'workload.monthlyGrowthRate': { words: 'monthly growth', unit: 'fraction' },
  'workload.horizonMonths': { words: 'the horizon', unit: 'months' },
  'quality.valuePerCorrectOutput': { words: 'the value of a correct output', unit: 'money' },
  'quality.costPerError': { words: 'the cost of an error', unit: 'money' },
  'quality.reviewRate': { words: 'the share of outputs reviewed', unit: 'fraction' },
};

const approachInputs = {
  accuracy: { words: 'accuracy', unit: 'fraction' },
  inputTokens: { words: 'input tokens per request', plural: true, unit: 'count' },
  outputTokens: { words: 'output tokens per request', plural: true, unit: 'count' },
  'pricing.inputPerMillion': { words: 'input price', unit: 'money', per: ' per million tokens' },
  'pricing.outputPerMillion': { words: 'output price', unit: 'money', per: ' per million tokens' },
  hostingPerHour: { words: 'hosting', unit: 'money', per: ' an hour' },
  fixedMonthlyCost: { words: 'fixed cost', unit: 'money', per: ' a month' },
  'training.trainingPerMillion': { words: 'training price', unit: 'money', per: ' per million tokens' },
  'training.dataPreparationCost': { words: 'data preparation cost', unit: 'money' },
};

/** The input at `path`, in words: `own` when it is the recommended approach's ("its accuracy"), else by the approach's id. */
function input(path, analysis, recommended) {
  if (scenarioInputs[path]) return { ...scenarioInputs[path], label: capitalise(scenarioInputs[path].words) };
  const match = /^approaches\[(\d+)\]\.(.+)$/.exec(path);
  const known = match && approachInputs[match[2]];
  if (!known) return { words: path, label: path, unit: 'number' };
  const id = analysis.approaches[Number(match[1])]?.id ?? `approach ${Number(match[1]) + 1}`;
  return { ...known, words: `${id === recommended ? 'its' : `${id}'s`} ${known.words}`, label: `${id}'s ${known.words}` };
}

/** `value` to four significant digits, rounded up or down (towards today's value), without binary noise. */
function significant(value, up) {
  if (value === 0 || !Number.isFinite(value)) return value;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 3);
  const rounded = (up ? Math.ceil(value / step - 1e-9) : Math.floor(value / step + 1e-9)) * step;
  return Number(rounded.toPrecision(4));
}

function write(value, meaning) {
  switch (meaning.unit) {
    // Whole dollars as they are ($8,000), others with at least the cents ($2.50, $0.7941).
    case 'money': return `${value < 0 ? '-' : ''}$${(Number.isInteger(value) ? grouped : cents).format(Math.abs(value))}${meaning.per ?? ''}`;
    case 'months': return `${grouped.format(value)} ${value === 1 ? 'month' : 'months'}`;
    default: return grouped.format(value);
  }
}

function then(crossing) {
  return crossing.recommendedId ? `then ${crossing.recommendedId}` : 'then no approach is eligible';
}

// The horizon's boundaries are the nearest whole months at which the answer differs: it changes at them, not past them.
function side(crossing, meaning, below) {
  const value = write(significant(crossing.value, below), meaning);
  return meaning.unit === 'months' ? `at ${value}` : `${below ? 'below' : 'above'} ${value}`;
}

function clauses(boundary, analysis, recommended) {
  const meaning = input(boundary.path, analysis, recommended);
  const verb = (singular, plural) => (meaning.plural ? plural : singular);
  const moves = (below) => (meaning.unit === 'months'
    ? `${meaning.words} is ${below ? 'shortened' : 'lengthened'} to`
    : `${meaning.words} ${below ? verb('falls', 'fall') : verb('rises', 'rise')}`);
  return [
    boundary.below && `${moves(true)} ${side(boundary.below, meaning, true).replace(/^at /, '')} (${then(boundary.below)})`,
    boundary.above && `${moves(false)} ${side(boundary.above, meaning, false).replace(/^at /, '')} (${then(boundary.above)})`,
  ].filter(Boolean);
}

/** The sentence of the nearest boundaries (at most `nearest` inputs), as the analysis' own reasons phrase it. */
export function decisionSentence(analysis, nearest = 3) {
  const decision = analysis.decision;
  const recommended = decision.recommendedId;
  const named = decision.boundaries.slice(0, nearest).flatMap((boundary) => clauses(boundary, analysis, recommended));
  if (!recommended) {
    return named.length === 0
      ? 'No approach is eligible, and no single input studied changes that within its valid range.'
      : `No approach is eligible today; that changes if ${join(named)}.`;
  }
  if (named.length === 0) return `${recommended} stays the best choice at any value of every input studied.`;
  return `${recommended} stays the best choice unless ${join(named)}.`;
}

/** The section: the sentence, every boundary nearest first, and what the answer is robust to. */
export function decisionSection(analysis) {
  const decision = analysis.decision;
  const recommended = decision.recommendedId;
  const rows = decision.boundaries.map((boundary) => {
    const meaning = input(boundary.path, analysis, recommended);
    const cell = (crossing, below) => (crossing ? `${side(crossing, meaning, below)} (${then(crossing)})` : 'not within its range');
    return [meaning.label, write(boundary.current, meaning), cell(boundary.below, true), cell(boundary.above, false)];
  });
  const robust = decision.robustTo.map((path) => input(path, analysis, null).words);
  return element('section', { class: 'decision', 'aria-labelledby': 'decision-title' },
    element('h3', { id: 'decision-title' }, 'What would change the answer'),
    element('p', { class: 'decision-sentence' }, decisionSentence(analysis)),
    rows.length === 0 ? null : element('details', { class: 'group boundaries' },
      element('summary', {}, `Every input that can change it (${rows.length}), nearest first`),
      table('Each input that can change the recommendation, nearest first, every other input as it is',
        ['Input', 'Now', 'Changes if lower', 'Changes if higher'], rows, 'figures boundaries')),
    robust.length === 0 ? null : element('p', { class: 'robust' },
      `The recommendation stays ${recommended ?? 'the same'} at any valid value of ${join(robust, 'and')}.`));
}

function join(items, last = 'or') {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
