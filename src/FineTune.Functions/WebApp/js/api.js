// The page's one way to the API: the workspace header on every call, the function key where the deployment asks for
// one, and refusals read as RFC 9457 problems.

const workspaceKey = 'finetune.workspace';
const functionKeyKey = 'finetune.functionKey';
const workspacePattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The API's base: the page lives at <prefix>/app/, the API at <prefix>/. */
const base = new URL('../', document.baseURI);

/** A refusal or failure the page shows to the person. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The request failed (${status}).`);
    this.status = status;
    this.errors = problem?.errors ?? {};
  }
}

/** Runs an action that calls the API, showing a problem it meets in the status element; any other error is thrown. */
export async function showingProblems(status, action) {
  status.textContent = '';
  status.classList.remove('failed');
  try {
    await action();
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    status.textContent = error.message;
    status.classList.add('failed');
  }
}

/** The workspace kept in this browser; a new random one the first time. */
export function workspace() {
  let id = localStorage.getItem(workspaceKey);
  if (!id || !workspacePattern.test(id)) {
    const bytes = crypto.getRandomValues(new Uint8Array(6));
    id = 'ws-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(workspaceKey, id);
  }
  return id;
}

/** Switches to another workspace; false when the id is not one the API accepts. */
export function useWorkspace(id) {
  if (!workspacePattern.test(id)) return false;
  localStorage.setItem(workspaceKey, id);
  return true;
}

/** Asks the person for a function key, once per tab: resolves with the key, or null when they cancel. */
function askForKey(rejected) {
  const dialog = document.getElementById('key-dialog');
  const input = document.getElementById('key-input');
  const error = document.getElementById('key-error');
  error.hidden = !rejected;
  error.textContent = rejected ? 'That key was refused. Check it and try again.' : '';
  input.value = '';
  if (rejected) input.setAttribute('aria-describedby', 'key-error');
  else input.removeAttribute('aria-describedby');
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const key = input.value.trim();
      resolve(dialog.returnValue === 'use' && key ? key : null);
    }, { once: true });
    dialog.showModal();
  });
}

/**
 * Sends a request; a JSON body is sent as its text. Locally no key is needed; where the API answers 401 the person is
 * asked for a key, which is kept in sessionStorage and sent as x-functions-key from then on.
 */
export async function send(method, path, { json, ifMatch } = {}) {
  let rejected = false;
  for (;;) {
    const headers = { 'X-Workspace-Id': workspace() };
    const key = sessionStorage.getItem(functionKeyKey);
    if (key) headers['x-functions-key'] = key;
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    if (ifMatch) headers['If-Match'] = ifMatch;
    let response;
    try {
      response = await fetch(new URL(path, base), { method, headers, body: json, cache: 'no-store' });
    } catch {
      throw new ApiProblem(0, { detail: 'The app could not be reached. Check the connection and try again.' });
    }
    if (response.status !== 401) return response;
    const entered = await askForKey(rejected || Boolean(key));
    if (!entered) throw new ApiProblem(401, { detail: 'A function key is needed to use this app.' });
    sessionStorage.setItem(functionKeyKey, entered);
    rejected = true;
  }
}

/** The JSON of a successful response, or an ApiProblem for any other. */
export async function readJson(response) {
  if (response.ok) return response.json();
  throw await problemOf(response);
}

/** The problem a response carries, or one made from its status. */
export async function problemOf(response) {
  let problem = null;
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    try { problem = await response.json(); } catch { problem = null; }
  }
  return new ApiProblem(response.status, problem);
}
