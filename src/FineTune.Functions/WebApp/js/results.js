// The analysis as a person reads it: the recommendation and its reasons, the figures in tables, then the charts (the
// same SVG images the API serves).

import { count, money, months, share } from './format.js';
import { problemOf, send } from './api.js';

/** The charts drawn from a scenario, in the order shown. A kind this version of the API cannot draw yet answers 501 and is left out. */
export const chartKinds = ['payback', 'costs', 'sensitivity', 'scale'];

const verdicts = {
  immediate: 'immediately',
  'within-horizon': 'within the horizon',
  'after-horizon': 'after the horizon',
  never: 'never (600 months)',
};

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** A table with a caption; cells carry their column's name so a narrow screen can show each row as a card. */
function table(caption, columns, rows) {
  const head = element('thead', {}, element('tr', {}, ...columns.map((c) => element('th', { scope: 'col' }, c))));
  const body = element('tbody', {}, ...rows.map((row) => element('tr', {},
    ...row.map((cell, i) => i === 0
      ? element('th', { scope: 'row', 'data-label': columns[0] }, cell)
      : element('td', { 'data-label': columns[i] }, cell)))));
  return element('table', { class: 'figures' }, element('caption', {}, caption), head, body);
}

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
  const notes = analysis.notes.length === 0 ? null : element('section', { 'aria-labelledby': 'notes-title' },
    element('h3', { id: 'notes-title' }, 'Notes'),
    element('ul', {}, ...analysis.notes.map((note) => element('li', {}, note))));

  container.replaceChildren(heading, summary,
    element('section', { 'aria-labelledby': 'figures-title' }, element('h3', { id: 'figures-title' }, 'Figures'), approaches, breakEven),
    element('section', { 'aria-labelledby': 'charts-title' }, element('h3', { id: 'charts-title' }, 'Charts'), charts),
    notes);
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
    if (response.status === 501) return null;
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
  container.replaceChildren(...figures.filter(Boolean));
}
