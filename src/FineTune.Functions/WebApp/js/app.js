// The page's entry: one screen at a time, chosen by the address's fragment, so the browser's back button and a
// reload keep the person where they were.
//   #/                    a new scenario
//   #/saved               the workspace's saved scenarios
//   #/scenarios/{id}      a saved scenario, opened and analysed
//   #/scenarios/{id}/monitor  its actual usage against the plan, and its alerts
//   #/portfolio           every saved scenario of the workspace as it runs

import * as scenarioScreen from './scenario-screen.js';
import * as savedScreen from './saved-screen.js';
import * as monitorScreen from './monitor-screen.js';
import * as portfolioScreen from './portfolio-screen.js';

const routes = [
  { pattern: /^#\/saved$/, nav: 'saved', title: 'Saved scenarios', show: (screen) => savedScreen.show(screen) },
  { pattern: /^#\/scenarios\/([^/]+)\/monitor$/, nav: 'saved', title: 'Monitor', show: (screen, id) => monitorScreen.show(screen, decodeURIComponent(id)) },
  { pattern: /^#\/portfolio$/, nav: 'portfolio', title: 'Portfolio', show: (screen) => portfolioScreen.show(screen) },
  { pattern: /^#\/scenarios\/([^/]+)$/, nav: 'saved', title: 'Saved scenario', show: (screen, id) => scenarioScreen.show(screen, decodeURIComponent(id)) },
  { pattern: /^(#\/?)?$/, nav: 'scenario', title: 'New scenario', show: (screen) => scenarioScreen.show(screen) },
];

function route() {
  const hash = location.hash;
  const match = routes.map((r) => ({ r, m: r.pattern.exec(hash) })).find(({ m }) => m) ?? { r: routes.at(-1), m: [] };
  document.title = `${match.r.title} - Fine-tuning economics`;
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === match.r.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const screen = document.getElementById('screen');
  screen.setAttribute('aria-busy', 'true');
  Promise.resolve(match.r.show(screen, ...match.m.slice(1))).finally(() => screen.removeAttribute('aria-busy'));
}

addEventListener('hashchange', route);
route();
