// The workspace's portfolio: every saved scenario's planned month (the approach in production) and its last 30 days of
// recorded usage against the plan, side by side, with the totals.

import { ApiProblem, readJson, send, workspace } from './api.js';
import { element, table } from './dom.js';
import { money, share } from './format.js';

/** The screen. */
export async function show(screen) {
  const title = element('h1', { tabindex: '-1' }, 'Portfolio');
  const lead = element('p', { class: 'lead' },
    'Each saved scenario of this workspace as it runs: a month of the approach in production as planned, and its last 30 days of recorded usage against the plan.');
  const status = element('p', { class: 'status', role: 'status' });
  const view = element('div', { class: 'portfolio' });
  screen.replaceChildren(title, lead, status, view);
  title.focus();
  try {
    const portfolio = await readJson(await send('GET', 'portfolio'));
    if (portfolio.items.length === 0) {
      view.replaceChildren(element('p', {}, 'Nothing is saved in this workspace yet. ', element('a', { href: '#/' }, 'Describe a scenario'), ' and save it.'));
      return;
    }
    const last30 = (usage) => usage.actual === null ? `no usage (${money(usage.plan)} planned)` : `${money(usage.actual)} of ${money(usage.plan)}`;
    const totals = portfolio.totals;
    view.replaceChildren(
      table(`Workspace ${workspace()} on ${portfolio.asOf}`,
        ['Scenario', 'In production', 'Recommended', 'Run rate a month', 'Revenue a month', 'Margin a month', 'Last 30 days: actual of plan', 'Monitor'],
        portfolio.items.map((item) => [
          element('a', { href: `#/scenarios/${encodeURIComponent(item.scenarioId)}` }, item.name),
          item.approachId,
          item.recommendedApproachId ?? 'none eligible',
          money(item.monthlyRunRate),
          money(item.monthlyRevenue),
          item.monthlyMargin === null ? '—' : `${money(item.monthlyMargin)} (${share(item.monthlyMarginRate)})`,
          last30(item.last30Days),
          element('a', { href: `#/scenarios/${encodeURIComponent(item.scenarioId)}/monitor` }, 'Monitor', element('span', { class: 'visually-hidden' }, ` ${item.name}`)),
        ])),
      element('p', { class: 'totals' }, `${totals.scenarios} ${totals.scenarios === 1 ? 'scenario' : 'scenarios'}: ${money(totals.monthlyRunRate)} a month to run`,
        totals.monthlyRevenue === null ? '' : `, ${money(totals.monthlyRevenue)} of revenue and ${money(totals.monthlyMargin)} of margin a month`,
        `; the last 30 days, ${totals.last30DaysActual === null ? 'no usage recorded' : `${money(totals.last30DaysActual)} spent`} against ${money(totals.last30DaysPlan)} planned.`));
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    status.textContent = error.message;
    status.classList.add('failed');
  }
}
