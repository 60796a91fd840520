/**
 * Signing in to a team server before anything syncs: the URL is checked, the password is tried
 * against CouchDB's `_session`, and the user's roles say whether they are a member of the project
 * and whether they lead it. Every refusal comes back in words for the connect dialog.
 */
import { asSyncDoc } from '@shared/sync/doc-mapping';
import { databaseName, projectKeyProblem, roleNames, userNameOf } from '@shared/sync/names';
import { err, ok, type Result } from '@shared/util/result';

export interface ServerSignIn {
  serverUrl: string;
  projectKey: string;
  user: string;
  password: string;
}

export interface SignedIn {
  serverUrl: string;
  projectKey: string;
  user: string;
  lead: boolean;
  /** The project's coder record for this user when the codebook already has one: a new local copy codes as it (no second “Ada”). */
  coder?: { id: string; name: string };
}

/** Field → message, for the dialog to show beside the field. */
export interface SignInProblem {
  field: 'serverUrl' | 'projectKey' | 'user' | 'password' | null;
  message: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The server's base URL without a trailing slash, or why it cannot be one: HTTPS, or plain HTTP on this machine only. */
export function normalizeServerUrl(text: string): Result<string, string> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return err('Enter the server’s address, like https://couch.example.org');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return err('Use an https:// address (plain http:// only for a server on this computer), so the password is never sent in the clear');
  if (url.username || url.password) return err('Leave the user name and password out of the address');
  if (url.search || url.hash) return err('The address has no ?query or #part');
  return ok(url.href.replace(/\/+$/, ''));
}

export const basicAuth = (user: string, password: string): string => `Basic ${btoa(String.fromCodePoint(...new TextEncoder().encode(`${user}:${password}`)))}`;

/** Checks the form, then asks the server who the user is and whether the project exists. */
export async function signIn(form: ServerSignIn, fetchFn: typeof fetch = fetch): Promise<Result<SignedIn, SignInProblem>> {
  const url = normalizeServerUrl(form.serverUrl);
  if (!url.ok) return err({ field: 'serverUrl', message: url.error });
  const projectKey = form.projectKey.trim();
  const keyProblem = projectKeyProblem(projectKey);
  if (keyProblem) return err({ field: 'projectKey', message: keyProblem });
  const user = userNameOf(form.user);
  if (user === '') return err({ field: 'user', message: 'Enter your user name on the team server' });
  if (form.password === '') return err({ field: 'password', message: 'Enter your password' });
  const auth = { Authorization: basicAuth(user, form.password), Accept: 'application/json' };

  let session: Response;
  try {
    session = await fetchFn(`${url.value}/_session`, { headers: auth });
  } catch {
    return err({ field: 'serverUrl', message: `Cannot reach the team server at ${url.value}: check the address and your connection` });
  }
  if (session.status === 401) return err({ field: 'password', message: 'Server refused: wrong user name or password' });
  if (!session.ok) return err({ field: 'serverUrl', message: `The server at ${url.value} did not answer like a CouchDB server (status ${session.status})` });
  const body = (await session.json().catch(() => null)) as { userCtx?: { name?: string | null; roles?: string[] } } | null;
  const name = body?.userCtx?.name;
  if (typeof name !== 'string') return err({ field: 'password', message: 'Server refused: wrong user name or password' });
  const roles = body?.userCtx?.roles ?? [];
  const role = roleNames(projectKey);
  const admin = roles.includes('_admin');
  if (!admin && !roles.includes(role.lead) && !roles.includes(role.coder)) return err({ field: 'projectKey', message: `Server refused: you are not a member of the project “${projectKey}”` });

  const corpus = await fetchFn(`${url.value}/${databaseName(projectKey, { kind: 'corpus' })}`, { headers: auth }).catch(() => null);
  if (corpus?.status === 404) return err({ field: 'projectKey', message: `The server has no project “${projectKey}” (ask the lead to provision it)` });
  if (corpus !== null && (corpus.status === 401 || corpus.status === 403)) return err({ field: 'projectKey', message: 'Server refused: you are not a member of this project' });
  const coder = await coderRecordOf(`${url.value}/${databaseName(projectKey, { kind: 'codebook' })}`, name, auth, fetchFn);
  return ok({ serverUrl: url.value, projectKey, user: name, lead: admin || roles.includes(role.lead), ...(coder ? { coder } : {}) });
}

/**
 * The user's coder record in the project's codebook, when the lead's project already has one (a
 * coder named “Ada” is user `ada`): of several, the one changed longest ago. Unreadable or absent: none, and the
 * app makes the user's own record (docs/sync.md, "Who codes").
 */
async function coderRecordOf(codebookUrl: string, user: string, headers: Record<string, string>, fetchFn: typeof fetch): Promise<{ id: string; name: string } | undefined> {
  const range = `startkey=${encodeURIComponent('"coders:"')}&endkey=${encodeURIComponent('"coders:\ufff0"')}&include_docs=true`;
  const answer = await fetchFn(`${codebookUrl}/_all_docs?${range}`, { headers }).catch(() => null);
  if (!answer?.ok) return undefined;
  const body = (await answer.json().catch(() => null)) as { rows?: Array<{ doc?: unknown }> } | null;
  const mine: Array<{ id: string; name: string; updatedAt?: string }> = [];
  for (const row of body?.rows ?? []) {
    const doc = asSyncDoc(row.doc);
    if (doc?.table !== 'coders') continue;
    const record = doc.record as { id: string; name: string; updatedAt?: string };
    if (userNameOf(record.name) === user) mine.push(record);
  }
  mine.sort((a, b) => (a.updatedAt ?? '').localeCompare(b.updatedAt ?? '') || a.id.localeCompare(b.id));
  return mine[0] ? { id: mine[0].id, name: mine[0].name } : undefined;
}
