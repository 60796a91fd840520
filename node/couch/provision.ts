/**
 * Sets a team project up on a CouchDB over its HTTP API, as the server admin (docs/sync.md
 * "Provisioning"): users in `_users` with the project's roles, the databases, their `_security` and
 * `_design/threadmark`. The plan is shared/sync/provision-plan.ts; this carries it out and says what
 * was there already. Everything is checked before anything is written (the admin's credentials, a
 * password for every new user), so bad input changes nothing. Idempotent: a second run finds
 * everything and changes nothing. An existing user keeps their password; only missing roles are added.
 */
import { problem, type Problem } from '@shared/problem/problem';
import type { SyncDatabase } from '@shared/sync/names';
import { mergeSecurity, plannedDatabase, provisionPlan, sameSecurity, userDocId, type PlannedDatabase, type PlannedUser, type ProvisionPlan } from '@shared/sync/provision-plan';
import { DESIGN_DOC_ID } from '@shared/sync/security';
import { err, ok, type Result } from '@shared/util/result';

import { couchFetch, couchPath, couchReason, httpProblem, serverBase, type CouchAuth, type CouchResponse } from './couch-http';

export interface ProvisionTarget {
  url: string;
  admin: CouchAuth;
  project: string;
}

export interface ProvisionSummary {
  project: string;
  url: string;
  users: Array<{ name: string; roles: string[]; status: 'created' | 'existed' | 'roles-added' }>;
  databases: Array<{
    name: string;
    kind: SyncDatabase['kind'];
    owner?: string;
    status: 'created' | 'existed';
    security: 'set' | 'unchanged';
    validation: 'set' | 'unchanged';
  }>;
}

type Step<T> = Promise<Result<T, Problem>>;

function firstOf(problems: Problem[]): Problem {
  return problems.length === 1 ? problems[0]! : problem(problems.map((p) => (p.field === undefined ? p.message : `${p.field}: ${p.message}`)).join('; '));
}

/** The admin's name and password work and make them a server admin. */
async function checkAdmin(url: string, admin: CouchAuth): Step<void> {
  const session = await couchFetch(url, { path: '/_session', auth: admin });
  if (!session.ok) return session;
  if (session.value.status === 401) return err(problem(`The team server at ${url} refused the name or password of “${admin.user}”`, { field: 'admin' }));
  if (session.value.status !== 200) return err(httpProblem(`Signing in as “${admin.user}”`, session.value));
  const roles = (session.value.json as { userCtx?: { roles?: unknown } }).userCtx?.roles;
  if (!Array.isArray(roles) || !roles.includes('_admin')) return err(problem(`“${admin.user}” is not a server admin on ${url}: provisioning needs one`, { field: 'admin' }));
  return ok(undefined);
}

interface UserDoc {
  _id: string;
  _rev?: string;
  name: string;
  type: 'user';
  roles: string[];
  password?: string;
  [key: string]: unknown;
}

async function readUsers(t: ProvisionTarget, users: readonly PlannedUser[]): Step<Map<string, UserDoc>> {
  const found = new Map<string, UserDoc>();
  for (const user of users) {
    const got = await couchFetch(t.url, { path: couchPath('_users', userDocId(user.name)), auth: t.admin });
    if (!got.ok) return got;
    if (got.value.status === 200) found.set(user.name, got.value.json as UserDoc);
    else if (got.value.status !== 404) return err(httpProblem(`Reading user “${user.name}”`, got.value));
  }
  return ok(found);
}

async function writeUsers(t: ProvisionTarget, users: readonly PlannedUser[], existing: ReadonlyMap<string, UserDoc>, passwords: ReadonlyMap<string, string>): Step<ProvisionSummary['users']> {
  const summary: ProvisionSummary['users'] = [];
  for (const user of users) {
    const had = existing.get(user.name);
    let doc: UserDoc;
    let status: ProvisionSummary['users'][number]['status'];
    if (had === undefined) {
      doc = { _id: userDocId(user.name), name: user.name, type: 'user', roles: user.roles, password: passwords.get(user.name)! };
      status = 'created';
    } else {
      const missing = user.roles.filter((r) => !(had.roles ?? []).includes(r));
      if (missing.length === 0) {
        summary.push({ name: user.name, roles: had.roles, status: 'existed' });
        continue;
      }
      doc = { ...had, roles: [...(had.roles ?? []), ...missing] };
      status = 'roles-added';
    }
    const put = await couchFetch(t.url, { method: 'PUT', path: couchPath('_users', doc._id), body: doc, auth: t.admin });
    if (!put.ok) return put;
    if (put.value.status !== 201 && put.value.status !== 202) return err(httpProblem(`Saving user “${user.name}”`, put.value));
    summary.push({ name: user.name, roles: doc.roles, status });
  }
  return ok(summary);
}

const isCreated = (r: CouchResponse) => r.status === 201 || r.status === 202;

async function setUpDatabase(t: ProvisionTarget, planned: PlannedDatabase): Step<ProvisionSummary['databases'][number]> {
  const dbPath = couchPath(planned.name);
  const created = await couchFetch(t.url, { method: 'PUT', path: dbPath, auth: t.admin });
  if (!created.ok) return created;
  if (!isCreated(created.value) && created.value.status !== 412) return err(httpProblem(`Creating database ${planned.name}`, created.value));

  const security = await couchFetch(t.url, { path: `${dbPath}/_security`, auth: t.admin });
  if (!security.ok) return security;
  if (security.value.status !== 200) return err(httpProblem(`Reading the security of ${planned.name}`, security.value));
  const wanted = mergeSecurity(security.value.json, planned.security);
  const securityChanged = !sameSecurity(mergeSecurity(security.value.json, { admins: { names: [], roles: [] }, members: { names: [], roles: [] } }), wanted);
  if (securityChanged) {
    const put = await couchFetch(t.url, { method: 'PUT', path: `${dbPath}/_security`, body: wanted, auth: t.admin });
    if (!put.ok) return put;
    if (put.value.status !== 200) return err(httpProblem(`Setting the security of ${planned.name}`, put.value));
  }

  const designPath = `${dbPath}/_design/${encodeURIComponent(DESIGN_DOC_ID.slice('_design/'.length))}`;
  const design = await couchFetch(t.url, { path: designPath, auth: t.admin });
  if (!design.ok) return design;
  if (design.value.status !== 200 && design.value.status !== 404) return err(httpProblem(`Reading the validation of ${planned.name}`, design.value));
  const old = design.value.status === 200 ? (design.value.json as { _rev?: string; validate_doc_update?: unknown; threadmark?: unknown }) : null;
  const validationChanged = old === null || old.validate_doc_update !== planned.design.validate_doc_update || JSON.stringify(old.threadmark) !== JSON.stringify(planned.design.threadmark);
  if (validationChanged) {
    const body = old?._rev === undefined ? planned.design : { ...planned.design, _rev: old._rev };
    const put = await couchFetch(t.url, { method: 'PUT', path: designPath, body, auth: t.admin });
    if (!put.ok) return put;
    if (!isCreated(put.value)) return err(httpProblem(`Saving the validation of ${planned.name}`, put.value));
  }

  const entry: ProvisionSummary['databases'][number] = {
    name: planned.name,
    kind: planned.db.kind,
    status: created.value.status === 412 ? 'existed' : 'created',
    security: securityChanged ? 'set' : 'unchanged',
    validation: validationChanged ? 'set' : 'unchanged',
  };
  if (planned.db.kind === 'layer') entry.owner = planned.db.user;
  return ok(entry);
}

async function carryOut(t: ProvisionTarget, plan: ProvisionPlan, passwords: ReadonlyMap<string, string>): Step<ProvisionSummary> {
  const existing = await readUsers(t, plan.users);
  if (!existing.ok) return existing;
  const noPassword = plan.users.filter((u) => !existing.value.has(u.name) && (passwords.get(u.name) ?? '') === '').map((u) => `“${u.name}”`);
  if (noPassword.length > 0) return err(problem(`no password given for the new user${noPassword.length === 1 ? '' : 's'} ${noPassword.join(', ')}`, { field: 'passwords' }));
  const users = await writeUsers(t, plan.users, existing.value, passwords);
  if (!users.ok) return users;
  const databases: ProvisionSummary['databases'] = [];
  for (const planned of plan.databases) {
    const done = await setUpDatabase(t, planned);
    if (!done.ok) return done;
    databases.push(done.value);
  }
  return ok({ project: plan.project, url: t.url, users: users.value, databases });
}

/** Passwords keyed by user name (trimmed, case ignored), whatever case the file used. */
function byUserName(passwords: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...passwords].map(([name, password]) => [name.trim().toLowerCase(), password]));
}

async function prepared(t: ProvisionTarget): Step<ProvisionTarget> {
  const base = serverBase(t.url);
  if (!base.ok) return base;
  const target = { ...t, url: base.value };
  const admin = await checkAdmin(target.url, target.admin);
  return admin.ok ? ok(target) : admin;
}

/** `threadmark server init`: the whole project. */
export async function provisionProject(input: ProvisionTarget & { leads: string[]; coders: string[]; passwords: ReadonlyMap<string, string> }): Step<ProvisionSummary> {
  const plan = provisionPlan(input, { requireLead: true });
  if (!plan.ok) return err(firstOf(plan.error));
  const target = await prepared(input);
  if (!target.ok) return target;
  return carryOut(target.value, plan.value, byUserName(input.passwords));
}

/** `threadmark server add-coder`: one more member of a project that exists, with their layer. */
export async function addCoder(input: ProvisionTarget & { coder: string; password: string; lead?: boolean }): Step<ProvisionSummary> {
  const plan = provisionPlan({ project: input.project, leads: input.lead === true ? [input.coder] : [], coders: input.lead === true ? [] : [input.coder] }, { shared: false });
  if (!plan.ok) return err(firstOf(plan.error));
  const target = await prepared(input);
  if (!target.ok) return target;
  const corpus = plannedDatabase(input.project, { kind: 'corpus' });
  const exists = await couchFetch(target.value.url, { method: 'HEAD', path: couchPath(corpus.name), auth: input.admin });
  if (!exists.ok) return exists;
  if (exists.value.status === 404) return err(problem(`There is no project “${input.project}” on ${target.value.url}: run threadmark server init first`, { field: 'project' }));
  if (exists.value.status !== 200) return err(problem(`Looking for project “${input.project}” failed: HTTP ${exists.value.status} (${couchReason(exists.value.json)})`));
  return carryOut(target.value, plan.value, new Map([[plan.value.users[0]!.name, input.password]]));
}
