import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';

import { provisionProject } from '../node/couch/provision';
import { recordDoc } from '../shared/sync/doc-mapping';
import { databaseName, teamCoderId } from '../shared/sync/names';
import { startTestCouch, type TestCouch } from '../node/couch/test-server';
import { codeButton, codingsInOpeningPost, importRedditThread, selectPhrase, startAs, teamCommand } from './helpers';

/**
 * Issue #16, through the UI: a lead connects a project to a team server (the test CouchDB server),
 * two coders open it in browser profiles of their own and code; the lead sees their codings within
 * seconds, and a coder never receives the other coder's layer (the server refuses it).
 */
test.setTimeout(180_000);

const PROJECT = 'e2e-sync';
const passwords = new Map([
  ['lena', 'lena-pw'],
  ['ana', 'ana-pw'],
  ['ben', 'ben-pw'],
]);
let couch: TestCouch;

test.beforeAll(async () => {
  couch = await startTestCouch();
  const provisioned = await provisionProject({ url: couch.url, admin: couch.admin, project: PROJECT, leads: ['lena'], coders: ['ana', 'ben'], passwords });
  expect(provisioned.ok, provisioned.ok ? '' : provisioned.error.message).toBe(true);
  // The members as coders in the codebook, under the id each one codes with, so that the lead's app
  // follows every layer from the start (a lead cannot list the server's databases).
  for (const user of passwords.keys()) {
    const doc = recordDoc('coders', { id: teamCoderId(user), name: user }, { kind: 'codebook' });
    const put = await fetch(`${couch.url}/${databaseName(PROJECT, { kind: 'codebook' })}/${encodeURIComponent(doc._id)}`, {
      method: 'PUT',
      headers: { Authorization: `Basic ${Buffer.from(`${couch.admin.user}:${couch.admin.password}`).toString('base64')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(doc),
    });
    expect(put.status).toBe(201);
  }
});
test.afterAll(async () => {
  await couch?.stop();
});

const syncStatus = (page: Page) => page.getByTestId('sync-status');

async function signIn(page: Page, dialogName: string, user: string, button: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.getByLabel('Server address').fill(couch.url);
  await dialog.getByLabel('Project key').fill(PROJECT);
  await dialog.getByLabel('User name').fill(user);
  await dialog.getByLabel('Password').fill(passwords.get(user)!);
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
}

/** A coder's own browser profile: opens the team project and codes `phrase` with Irony. */
async function coderCodes(browser: Browser, user: string, phrase: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await startAs(page, user);
  await teamCommand(page, 'Open a team project…');
  await signIn(page, 'Open a team project', user, 'Open');
  await expect(page.locator('.project-name')).toHaveText(`${PROJECT} (team)`);
  await expect(page.getByRole('button', { name: `Coding as ${user}` })).toBeVisible();
  await expect(page.locator('[data-post-text]').first()).toContainText('Asking for a friend', { timeout: 20_000 });
  await expect(codeButton(page, 'Irony')).toBeVisible();
  await selectPhrase(page, phrase);
  const before = await codingsInOpeningPost(page);
  await codeButton(page, 'Irony').click();
  await expect.poll(() => codingsInOpeningPost(page)).toBe(before + 1);
  await expect(syncStatus(page)).toHaveText('Synced with the team server', { timeout: 20_000 });
  return page;
}

test('a lead connects a project, two coders open it and code, the lead sees both within seconds, and neither coder gets the other’s layer', async ({ page, browser }) => {
  // The lead: a new project with a thread and a code, connected to the team server.
  await startAs(page, 'lena');
  await page.getByRole('button', { name: 'Projects', exact: true }).click();
  await page.getByRole('button', { name: 'New project…' }).click();
  const create = page.getByRole('dialog', { name: 'New project' });
  await create.getByLabel('Project name').fill('Salt study');
  await create.getByRole('button', { name: 'Create project' }).click();
  await importRedditThread(page);
  await page.getByRole('button', { name: 'Add code' }).click();
  const newCode = page.getByRole('dialog', { name: 'New code' });
  await newCode.getByLabel('Name').fill('Irony');
  await newCode.getByRole('button', { name: 'Add code' }).click();
  await expect(codeButton(page, 'Irony')).toBeVisible();

  await teamCommand(page, 'Connect project to a team server…');
  await signIn(page, 'Connect project to a team server', 'lena', 'Connect');
  await expect(syncStatus(page)).toHaveText('Synced with the team server', { timeout: 45_000 });

  // Two coders, each in a browser profile of their own.
  const ana = await coderCodes(browser, 'ana', 'Asking for a friend');
  const started = Date.now();
  await expect.poll(() => codingsInOpeningPost(page), { timeout: 10_000 }).toBe(1);
  const seenAfterMs = Date.now() - started;
  const ben = await coderCodes(browser, 'ben', 'nobody');
  await expect.poll(() => codingsInOpeningPost(page), { timeout: 10_000 }).toBe(2);
  test.info().annotations.push({ type: 'coding seen by the lead after', description: `${seenAfterMs} ms` });

  // Blind: each coder has only their own coding, and no replica of the other's layer.
  await ana.waitForTimeout(2_000);
  expect(await codingsInOpeningPost(ana)).toBe(1);
  expect(await codingsInOpeningPost(ben)).toBe(1);
  const replicas = await ana.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('_pouch_')));
  expect(replicas.some((n) => n.endsWith('~layer:ana'))).toBe(true);
  expect(replicas.some((n) => n.includes('layer:ben'))).toBe(false);
  // And the server refuses Ana's password for Ben's layer.
  const benLayer = await fetch(`${couch.url}/tm-${PROJECT}-layer-${Buffer.from('ben').toString('hex')}/_all_docs`, { headers: { Authorization: `Basic ${Buffer.from('ana:ana-pw').toString('base64')}` } });
  expect([401, 403]).toContain(benLayer.status);

  await ana.context().close();
  await ben.context().close();

  // Screenshots at 1280×720: the header's status.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: test.info().outputPath('header-status.png') });

  // A second lead's machine changed the code "Irony" offline: the server now holds two versions.
  const admin = { Authorization: `Basic ${Buffer.from(`${couch.admin.user}:${couch.admin.password}`).toString('base64')}`, 'Content-Type': 'application/json' };
  const codebookUrl = `${couch.url}/${databaseName(PROJECT, { kind: 'codebook' })}`;
  const all = (await (await fetch(`${codebookUrl}/_all_docs?include_docs=true&startkey=%22codes%3A%22&endkey=%22codes%3A%EF%BF%BF%22`, { headers: admin })).json()) as { rows: Array<{ doc: { _id: string; _rev: string; record: Record<string, unknown> } }> };
  const irony = all.rows[0]!.doc;
  const [generation] = irony._rev.split('-');
  const rival = { ...irony, _rev: `${generation}-${'f'.repeat(32)}`, record: { ...irony.record, name: 'Irony and sarcasm', description: 'Saying the opposite of what is meant.' } };
  const bulk = await fetch(`${codebookUrl}/_bulk_docs`, { method: 'POST', headers: admin, body: JSON.stringify({ docs: [rival], new_edits: false }) });
  expect(bulk.status).toBe(201);

  const conflicts = page.getByRole('button', { name: '1 conflict' });
  await expect(conflicts).toBeVisible({ timeout: 20_000 });
  await conflicts.click();
  const inbox = page.getByRole('dialog', { name: 'Conflict inbox' });
  await expect(inbox.getByRole('row', { name: /^name/ })).toContainText('“Irony”');
  await expect(inbox.getByRole('row', { name: /^name/ })).toContainText('“Irony and sarcasm”');
  await page.screenshot({ path: test.info().outputPath('conflict-inbox.png') });
  expect.soft((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), 'conflict inbox').toEqual([]);
  // Keep the version with the original name: every machine ends with one version of the code.
  const keepIrony = (await inbox.getByRole('columnheader').allTextContents()).findIndex((h) => h.startsWith('Version'));
  expect(keepIrony).toBeGreaterThan(0);
  const nameRow = inbox.getByRole('row', { name: /^name/ }).getByRole('cell');
  const names = await nameRow.allTextContents();
  const column = names.findIndex((n) => n.includes('“Irony”'));
  expect(column).toBeGreaterThanOrEqual(0);
  // Each button is named after its version: "Keep Version A of code “Irony” (…)".
  await inbox.getByRole('button', { name: new RegExp(`^Keep Version ${String.fromCharCode(65 + column)} of code`) }).click();
  await expect(inbox.getByRole('status')).toHaveText('No conflicts: every record has one version.', { timeout: 20_000 });
  await page.keyboard.press('Escape');
  await expect(conflicts).toBeHidden({ timeout: 20_000 });
  await expect(codeButton(page, 'Irony')).toBeVisible();
});

test('a wrong password and a stranger are refused in words, and nothing is connected', async ({ page }) => {
  await startAs(page, 'lena');
  await teamCommand(page, 'Connect project to a team server…');
  const dialog = page.getByRole('dialog', { name: 'Connect project to a team server' });
  await dialog.getByLabel('Server address').fill(couch.url);
  await dialog.getByLabel('Project key').fill(PROJECT);
  await dialog.getByLabel('User name').fill('lena');
  await dialog.getByLabel('Password').fill('not-her-password');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Server refused: wrong user name or password');
  await dialog.getByLabel('Project key').fill('another-project');
  await dialog.getByLabel('Password').fill('lena-pw');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Server refused: you are not a member of the project “another-project”');
  await page.keyboard.press('Escape');
  await expect(syncStatus(page)).toHaveCount(0);
});

test('a synced page that goes offline says so, raises no page error, and syncs again when back', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
  await startAs(page, 'ana');
  await teamCommand(page, 'Open a team project…');
  await signIn(page, 'Open a team project', 'ana', 'Open');
  await expect(syncStatus(page)).toHaveText('Synced with the team server', { timeout: 45_000 });
  // Ana's other machine writes to her layer all the while, so pulls are under way when the page
  // goes offline (a pull's batch cut off is where the unhandled rejection came from).
  const layer = `${couch.url}/${databaseName(PROJECT, { kind: 'layer', user: 'ana' })}`;
  const auth = { Authorization: `Basic ${Buffer.from('ana:ana-pw').toString('base64')}`, 'Content-Type': 'application/json' };
  let writing = true;
  const writer = (async () => {
    for (let n = 0; writing; n++) {
      const coding = { id: `other-machine-${n}`, postId: 'p-elsewhere', threadId: 't-elsewhere', codeId: 'c-elsewhere', coderId: teamCoderId('ana'), start: 0, end: 1, quote: 'x', memo: '', createdAt: '2025-05-01T12:00:00.000Z', updatedAt: '2025-05-01T12:00:00.000Z' };
      await fetch(`${layer}/_bulk_docs`, { method: 'POST', headers: auth, body: JSON.stringify({ docs: [recordDoc('codings', coding, { kind: 'layer', user: 'ana' }, 'other-machine')] }) });
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  })();
  try {
    for (let round = 0; round < 3; round++) {
      await page.waitForTimeout(1_500 + round * 370);
      // Every request to the server fails now ("Failed to fetch"), the replicas' and the status polls'.
      await context.setOffline(true);
      await expect(syncStatus(page)).toHaveText('Offline — changes are kept here and sync when the server is back', { timeout: 20_000 });
      // Retries fail while offline (backoff from 0.5 s).
      await page.waitForTimeout(2_000);
      await context.setOffline(false);
      await expect(syncStatus(page)).not.toHaveText(/^Offline/, { timeout: 30_000 });
    }
  } finally {
    writing = false;
    await writer;
  }
  await expect(syncStatus(page)).toHaveText(/^(Synced with the team server|Syncing)/, { timeout: 30_000 });
  expect(errors).toEqual([]);
  await context.close();
});
