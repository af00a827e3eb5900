// The saved scenarios of this browser's workspace: list them a page at a time, open one, or switch workspace (to see
// the scenarios saved from another browser).

import { readJson, send, showingProblems, useWorkspace, workspace } from './api.js';
import { element } from './dom.js';
import { moment } from './format.js';

/** The screen. */
export async function show(screen) {
  const title = element('h1', { tabindex: '-1' }, 'Saved scenarios');
  const status = element('p', { class: 'status', role: 'status' });
  const input = element('input', { id: 'workspace-input', type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'workspace-hint' });
  input.value = workspace();
  const switcher = element('form', { class: 'workspace', novalidate: '' },
    element('div', { class: 'field' },
      element('label', { for: 'workspace-input' }, 'Workspace'),
      element('p', { class: 'hint', id: 'workspace-hint' },
        'Scenarios are saved in this workspace, which this browser remembers. Enter the same workspace in another browser to see them there.'),
      input),
    element('div', { class: 'actions' }, element('button', { type: 'submit', class: 'secondary' }, 'Use this workspace')));
  const list = element('div', { class: 'saved-list' });
  const more = element('button', { type: 'button', class: 'secondary', hidden: '' }, 'Show more');
  screen.replaceChildren(title, switcher, status, list, element('div', { class: 'actions' }, more));

  let token = null;
  let rows = null;

  async function page() {
    const query = new URLSearchParams({ pageSize: '20' });
    if (token) query.set('continuationToken', token);
    const result = await readJson(await send('GET', `scenarios?${query}`));
    token = result.continuationToken;
    more.hidden = !token;
    if (!rows) {
      if (result.items.length === 0) {
        list.replaceChildren(element('p', {}, 'Nothing is saved in this workspace yet. ',
          element('a', { href: '#/' }, 'Describe a scenario'), ' and save it.'));
        return;
      }
      rows = element('tbody');
      list.replaceChildren(element('table', { class: 'figures saved' },
        element('caption', {}, `Scenarios of workspace ${workspace()}`),
        element('thead', {}, element('tr', {}, ...['Name', 'Approaches', 'Last saved', 'Usage'].map((c) => element('th', { scope: 'col' }, c)))),
        rows));
    }
    for (const item of result.items) {
      rows.append(element('tr', {},
        element('th', { scope: 'row', 'data-label': 'Name' }, element('a', { href: `#/scenarios/${encodeURIComponent(item.id)}` }, item.scenario.name)),
        element('td', { 'data-label': 'Approaches' }, item.scenario.approaches.map((a) => a.id).join(', ')),
        element('td', { 'data-label': 'Last saved' }, moment(item.updatedAt)),
        element('td', { 'data-label': 'Usage' }, element('a', { href: `#/scenarios/${encodeURIComponent(item.id)}/monitor` },
          'Monitor', element('span', { class: 'visually-hidden' }, ` ${item.scenario.name}`)))));
    }
  }

  const run = (action) => showingProblems(status, action);

  switcher.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!useWorkspace(input.value.trim())) {
      status.textContent = 'A workspace is 1 to 64 letters, digits, hyphens or underscores.';
      status.classList.add('failed');
      input.focus();
      return;
    }
    token = null;
    rows = null;
    run(async () => {
      await page();
      status.textContent = `Showing workspace ${workspace()}.`;
    });
  });
  more.addEventListener('click', () => run(page));
  title.focus();
  await run(page);
}
