// The analysis as a person reads it: the recommendation and its reasons, what would change it, the figures in tables,
// then the charts (the same SVG images the API serves).

import { count, money, months, share } from './format.js';
import { problemOf, send } from './api.js';
import { element, table } from './dom.js';
import { decisionSection } from './decision.js';

/** The charts drawn from a scenario, in the order shown. */
export const chartKinds = ['payback', 'costs', 'sensitivity', 'scale'];

const verdicts = {
  immediate: 'immediately',
  'within-horizon': 'within the horizon',
  'after-horizon': 'after the horizon',
  never: 'never (600 months)',
};

/** Replaces the content of `container` with the analysis. */
export function renderAnalysis(container, analysis, scenarioJson) {
  const recommended = analysis.recommendation.approachId;
  const heading = element('h2', { id: 'results-title', tabindex: '-1' }, 'Results');
  const summary = element('section', { class: 'recommendation', 'aria-labelledby': 'recommendation-title' },
    element('h3', { id: 'recommendation-title' }, 'Recommendation'),
    element('p', { class: 'verdict' }, recommended
      ? element('strong', {}, recommended)
      : element('strong', {}, 'No approach is eligible')),
    element('ul', { class: 'reasons' }, ...analysis.recommendation.reasons.map((reason) => element('li', {}, reason))));

  const approaches = table(
    `Each approach over the ${analysis.horizonMonths}-month horizon (${count(analysis.totalRequests)} requests)`,
    ['Approach', 'Accuracy', 'Inference per request', 'Fully loaded per request', 'Run rate per month', 'Horizon cost', 'Net value'],
    analysis.approaches.map((a) => [
      a.id + (a.eligible ? '' : ' (excluded)'),
      share(a.accuracy),
      money(a.perRequest.inferenceCost),
      money(a.perRequest.fullyLoadedCost),
      money(a.monthly.runRate),
      money(a.horizon.totalCost),
      money(a.horizon.netValue),
    ]));

  const breakEven = analysis.breakEven.length === 0 ? null : table(
    `Break-even against the baseline, ${analysis.baselineId}`,
    ['Approach', 'Counting', 'Saves per request', 'Extra fixed per month', 'Extra up front', 'Minimum requests per month', 'Pays back', 'In month'],
    analysis.breakEven.flatMap((b) => [['inference cost', b.cost], ['review and errors too', b.qualityAdjusted]].map(([view, v]) => [
      b.approachId,
      view,
      money(v.savingsPerRequest),
      money(v.fixedMonthlyDelta),
      money(v.oneTimeDelta),
      count(v.minimumMonthlyRequests),
      verdicts[v.verdict] ?? v.verdict,
      months(v.paybackMonths),
    ])));

  const charts = element('div', { class: 'charts' });
  const notes = analysis.notes.length === 0 ? null : element('section', { class: 'notes', 'aria-labelledby': 'notes-title' },
    element('h3', { id: 'notes-title' }, 'Notes'),
    element('ul', {}, ...analysis.notes.map((note) => element('li', {}, note))));

  container.replaceChildren(...[heading, summary, analysis.decision ? decisionSection(analysis) : null,
    element('section', { 'aria-labelledby': 'figures-title' }, element('h3', { id: 'figures-title' }, 'Figures'), approaches, breakEven),
    element('section', { 'aria-labelledby': 'charts-title' }, element('h3', { id: 'charts-title' }, 'Charts'), charts),
    notes].filter(Boolean));
  container.hidden = false;
  return renderCharts(charts, scenarioJson);
}

// Charts are fetched like any API call (the key travels in a header, never in a URL) and shown from a blob: URL.
const shownCharts = new Set();

async function renderCharts(container, scenarioJson) {
  for (const url of shownCharts) URL.revokeObjectURL(url);
  shownCharts.clear();
  const figures = await Promise.all(chartKinds.map(async (kind) => {
    const response = await send('POST', `analyses/charts/${kind}.svg`, { json: scenarioJson });
    if (!response.ok) throw await problemOf(response);
    const svg = await response.text();
    const picture = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const title = picture.querySelector('title')?.textContent ?? kind;
    const description = picture.querySelector('desc')?.textContent ?? '';
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    shownCharts.add(url);
    const root = picture.documentElement;
    return element('figure', { class: 'chart', 'data-kind': kind },
      element('img', { src: url, alt: `${title}. ${description}`, width: root.getAttribute('width'), height: root.getAttribute('height') }));
  }));
  container.replaceChildren(...figures);
}
