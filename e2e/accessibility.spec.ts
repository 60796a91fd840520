import { readFile } from 'node:fs/promises';

import AxeBuilder from '@axe-core/playwright';

import { expect, type Locator, type Page, test } from '@playwright/test';

import { codeButton, codeOpeningPost, fileCommand, post, startAs, teamCommand, twoCodersDisagree } from './helpers';

/**
 * Issue #13 item 5, measured: axe-core on every view and dialog, no violation of impact
 * "serious" or "critical". Violations are reported as `id: targets` so a failure reads as a list.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  expect.soft(await seriousViolations(page), what).toEqual([]);
}

/** Checks an open dialog, then closes it with Escape. */
async function checkDialog(page: Page, dialog: Locator, what: string): Promise<void> {
  await expect(dialog).toBeVisible();
  await expectAccessible(page, what);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

async function codebookCommand(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  await page.getByRole('menu', { name: 'Codebook' }).getByRole('menuitem', { name: item }).click();
}

function view(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true });
}

test('the Coding view and the File menu’s dialogs have no serious or critical axe violations', async ({ page }) => {
  test.slow(); // one axe run per dialog
  await startAs(page, 'Ada');
  await expect(codeButton(page, 'Whataboutism')).toBeVisible();
  await expectAccessible(page, 'Coding view');

  await fileCommand(page, 'Import threads…');
  await checkDialog(page, page.getByRole('dialog', { name: 'Import threads' }), 'Import threads dialog');

  await fileCommand(page, 'Export coded segments (CSV)…');
  await checkDialog(page, page.getByRole('dialog'), 'Export coded segments dialog');
  await fileCommand(page, 'Export for analysis…');
  await checkDialog(page, page.getByRole('dialog', { name: 'Export for analysis' }), 'Export for analysis dialog');
  await fileCommand(page, 'Export annotations…');
  await checkDialog(page, page.getByRole('dialog', { name: 'Export annotations' }), 'Export annotations dialog');
  await fileCommand(page, 'Export as a REFI-QDA project (.qdpx)…');
  await checkDialog(page, page.getByRole('dialog', { name: 'Export as a REFI-QDA project (.qdpx)' }), 'Export .qdpx dialog');
  await fileCommand(page, 'Import a REFI-QDA project (.qdpx)…');
  await checkDialog(page, page.getByRole('dialog', { name: 'Import a REFI-QDA project (.qdpx)' }), 'Import .qdpx dialog');
});

test('the Codebook and Team menus’ dialogs, the code editor, the coder dialog, the palette and the project list have no serious or critical axe violations', async ({ page }) => {
  test.slow(); // one axe run per dialog
  await startAs(page, 'Ada');
  await expect(codeButton(page, 'Whataboutism')).toBeVisible();

  await codebookCommand(page, 'Name this version…');
  await checkDialog(page, page.getByRole('dialog', { name: 'Name this version' }), 'Name this version dialog');

  await codebookCommand(page, 'Versions and changes…');
  await checkDialog(page, page.getByRole('dialog', { name: 'Versions and changes' }), 'Versions and changes dialog');

  await teamCommand(page, 'Reliability sample…');
  await checkDialog(page, page.getByRole('dialog', { name: 'Reliability sample' }), 'Reliability sample dialog');

  // Team sync: the connect dialog with a refusal shown (the conflict inbox is checked in team-sync.spec.ts, against a server).
  await teamCommand(page, 'Connect project to a team server…');
  const connect = page.getByRole('dialog', { name: 'Connect project to a team server' });
  await connect.getByLabel('Server address').fill('http://example.org');
  await connect.getByLabel('Project key').fill('study');
  await connect.getByLabel('User name').fill('ada');
  await connect.getByLabel('Password').fill('pw');
  await connect.getByRole('button', { name: 'Connect' }).click();
  await expect(connect.getByRole('alert')).toContainText('Use an https:// address');
  await checkDialog(page, connect, 'Connect project to a team server dialog (address refused)');

  // Add coder files with a mixed selection: a doccano file (its notes) and a damaged .qdpx (its problems, as an alert).
  const demo = JSON.parse(await readFile('resources/demo/demo-project.threadmark.json', 'utf8')) as { posts: Array<{ text: string }> };
  const line = JSON.stringify({ id: 1, text: demo.posts[0]!.text, label: [[0, 10, 'Whataboutism']] });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), teamCommand(page, 'Add coder files…')]);
  await chooser.setFiles([
    { name: 'cleo.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(`${line}\n`, 'utf8') },
    { name: 'broken.qdpx', mimeType: 'application/zip', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]) },
  ]);
  const coderFiles = page.getByRole('dialog', { name: 'Add coder files' });
  await expect(coderFiles).toContainText('Read as doccano (JSONL): 1 span, 1 placed (cleo).');
  await expect(coderFiles.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'broken.qdpx' }) }).getByRole('alert')).toBeVisible();
  await expect(coderFiles.getByRole('button', { name: 'Leave out' }).last()).toBeFocused();
  await expectAccessible(page, 'Add coder files dialog (a doccano file and a refused .qdpx)');
  await page.keyboard.press('Enter');
  await expect(coderFiles.getByRole('button', { name: 'Add the file' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(coderFiles).toBeHidden();

  await page.getByRole('button', { name: 'Add code' }).click();
  await checkDialog(page, page.getByRole('dialog', { name: 'New code' }), 'code editor');

  await page.getByRole('button', { name: /^Coding as Ada/ }).click();
  await checkDialog(page, page.getByRole('dialog', { name: 'Who is coding?' }), 'coder name dialog');

  await page.keyboard.press('Control+K');
  await checkDialog(page, page.getByRole('dialog', { name: 'Command palette' }), 'command palette');

  await page.getByRole('button', { name: 'Projects', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Projects' })).toBeVisible();
  await expectAccessible(page, 'project list');
});

test('the code margin and the definition card, with overlapping codings to show, have no serious or critical axe violations', async ({ page }) => {
  await startAs(page, 'Ada');
  await codeOpeningPost(page, [
    [0, 60, '1'],
    [30, 160, '2'],
    [110, 200, '3'],
  ]);
  await page.getByRole('article').first().getByRole('group', { name: /^Codes in this post/ }).getByRole('button').first().focus();
  await expect(page.getByRole('region', { name: 'Code card' })).toHaveAttribute('data-code-id', /.+/);
  await expectAccessible(page, 'Coding view with the code margin and the definition card');
});

test('the Agreement, Adjudication, History and Rounds views have no serious or critical axe violations', async ({ page }) => {
  test.slow(); // two coders' codings, then one axe run per view
  await twoCodersDisagree(page);

  await view(page, 'Agreement').click();
  await page.getByRole('button', { name: 'Compute agreement' }).click();
  await expect(page.getByRole('table', { name: /^Agreement per code/ })).toBeVisible();
  await expectAccessible(page, 'Agreement view');

  await view(page, 'Adjudication').click();
  await expect(page.getByRole('listbox', { name: 'Disagreements' })).toBeVisible();
  await expectAccessible(page, 'Adjudication view');

  await view(page, 'History').click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await expectAccessible(page, 'History view');

  await view(page, 'Rounds').click();
  await expect(view(page, 'Rounds')).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page, 'Rounds view');
});

test('the Analysis view’s Search tab, with hits, and the Code all hits dialog have no serious or critical axe violations', async ({ page }) => {
  test.slow(); // two axe runs over a long page
  await startAs(page, 'Ada');
  await view(page, 'Analysis').click();
  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Search query' }).fill('question');
  await page.getByRole('searchbox', { name: 'Search query' }).press('Enter');
  await expect(page.getByRole('list', { name: 'Search hits' }).getByRole('listitem').first()).toBeVisible();
  await expectAccessible(page, 'Analysis → Search tab');
  await page.getByRole('button', { name: 'Code all hits…' }).click();
  await checkDialog(page, page.getByRole('dialog', { name: 'Code all hits' }), 'Code all hits dialog');
});

test('the Analysis view’s Segments tab, with a result, has no serious or critical axe violations', async ({ page }) => {
  await startAs(page, 'Ada');
  await codeOpeningPost(page, [[0, 60, '1']]);
  await view(page, 'Analysis').click();
  await page.getByRole('tab', { name: 'Segments' }).click();
  await page.getByRole('button', { name: 'Retrieve segments' }).click();
  await expect(page.getByRole('list', { name: 'Segments' }).getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page, 'Analysis → Segments tab');
});

test('the Analysis view’s Tables & charts tab, with its charts and a table alternative shown, has no serious or critical axe violations', async ({ page }) => {
  await startAs(page, 'Ada');
  await codeOpeningPost(page, [
    [0, 60, '1'],
    [30, 90, '2'],
  ]);
  await view(page, 'Analysis').click();
  await page.getByRole('tab', { name: 'Tables & charts' }).click();
  await expect(page.getByRole('img', { name: /^Codings per code\./ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Code co-occurrence: overlapping spans\./ })).toBeVisible();
  await page.getByRole('figure', { name: /^Codings per month/ }).getByRole('button', { name: 'Show as table' }).click();
  await expectAccessible(page, 'Analysis → Tables & charts tab');
});

test('the Analysis view’s Memos and Attributes tabs, and the memo dialog, have no serious or critical axe violations', async ({ page }) => {
  await startAs(page, 'Ada');
  const thread = page.locator('.thread-list li').first();
  await thread.getByRole('button', { name: /^Actions for / }).click();
  await page.getByRole('menuitem', { name: 'Memo on this thread…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Memo on the thread/ });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'Memo dialog');
  await dialog.getByLabel('Your memo').fill('A memo to list.');
  await dialog.getByRole('button', { name: 'Save memo' }).click();
  await expect(dialog).toBeHidden();

  await view(page, 'Analysis').click();
  await page.getByRole('tab', { name: 'Memos' }).click();
  await expect(page.getByRole('heading', { name: '1 memo' })).toBeVisible();
  await expectAccessible(page, 'Analysis → Memos tab');

  await page.getByRole('tab', { name: 'Attributes' }).click();
  await page.getByLabel('New author attribute').fill('Stance');
  await page.getByRole('button', { name: 'Add attribute' }).click();
  await expect(page.getByRole('table').getByRole('columnheader', { name: /^Stance/ })).toBeVisible();
  await expectAccessible(page, 'Analysis → Attributes tab');
});

test('the recovery screen and the Backups and integrity check dialog have no serious or critical axe violations', async ({ page }) => {
  await startAs(page, 'Ada');
  await fileCommand(page, 'Backups and integrity check…');
  const dialog = page.getByRole('dialog', { name: 'Backups and integrity check' });
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await dialog.getByRole('button', { name: 'Check integrity' }).click();
  await expect(dialog.getByText(/^No problems in/)).toBeVisible();
  await checkDialog(page, dialog, 'Backups and integrity check dialog');

  // The database reset behind the app's back (e2e/recovery.spec.ts): the recovery screen, its backups shown.
  await page.evaluate(async () => {
    for (const { name } of await indexedDB.databases()) {
      if (name) await new Promise((resolve) => (indexedDB.deleteDatabase(name).onsuccess = resolve));
    }
  });
  await page.reload();
  const screen = page.getByRole('main', { name: 'A project needs to be restored' });
  await screen.getByRole('button', { name: 'Show backups' }).click();
  await expect(screen.getByRole('table')).toBeVisible();
  await expectAccessible(page, 'Recovery screen');
});

test('the platform terms, deletions and quote report dialogs and the expiry notice have no serious or critical axe violations', async ({ page }) => {
  test.slow(); // one axe run per dialog
  await startAs(page, 'Ada');
  await codeOpeningPost(page, [[0, 24, '1']]);
  await fileCommand(page, 'Platform terms and expiry…');
  const terms = page.getByRole('dialog', { name: 'Platform terms and expiry' });
  await terms.getByLabel('Dataset expires on').fill('2020-01-31');
  await terms.getByRole('button', { name: 'Save terms and expiry' }).click();
  await checkDialog(page, terms, 'Platform terms and expiry dialog');
  await expect(page.getByRole('alert').filter({ hasText: 'expired on 2020-01-31' })).toBeVisible();
  await expectAccessible(page, 'Coding view with the expiry notice');

  await fileCommand(page, 'Apply platform deletions…');
  const deletions = page.getByRole('dialog', { name: 'Apply platform deletions' });
  await deletions.getByLabel('deleted user ids or author names').check();
  await deletions.getByLabel('Ids, one per line').fill('rustbucket_42');
  await deletions.getByRole('button', { name: 'Preview' }).click();
  await expect(deletions.getByRole('table')).toBeVisible();
  await checkDialog(page, deletions, 'Apply platform deletions dialog');

  await post(page, 'Every time a woman posts').first().click();
  await page.getByRole('complementary', { name: 'Codings in this post' }).getByLabel('Quoted in paper').selectOption('verbatim');
  await page.getByRole('button', { name: 'View', exact: true }).click();
  await page.getByRole('menu', { name: 'View' }).getByRole('menuitem', { name: 'Quote report…' }).click();
  const report = page.getByRole('dialog', { name: 'Quote report' });
  await expect(report.getByRole('table')).toBeVisible();
  await checkDialog(page, report, 'Quote report dialog');
});

test('relations: the Relations section, the relate dialog, the links and arcs, a relation’s dialog, and relation agreement have no serious or critical axe violations', async ({ page }) => {
  test.slow(); // one axe run per dialog and view
  await startAs(page, 'Ada');
  const relations = page.getByRole('region', { name: 'Relations' });
  await relations.getByLabel('New relation code').fill('deflects to');
  await relations.getByRole('button', { name: 'Add relation code' }).click();
  await expect(relations.getByRole('list', { name: 'Relation codes' })).toContainText('deflects to');
  const reply = page.getByRole('article').nth(2);
  await reply.getByRole('button', { name: 'Relate…' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'Relating from' })).toBeVisible();
  await page.getByRole('article').nth(0).getByRole('button', { name: 'Relate here' }).click();
  const relate = page.getByRole('dialog', { name: 'Relate two posts' });
  await expect(relate).toBeVisible();
  await expectAccessible(page, 'Relate two posts dialog');
  await relate.getByRole('button', { name: 'Relate', exact: true }).click();
  await expect(relate).toBeHidden();
  await expectAccessible(page, 'Coding view with a relation link and arc');
  await reply.getByRole('list', { name: 'Relations' }).getByRole('button').first().click();
  await checkDialog(page, page.getByRole('dialog', { name: /deflects to/ }), 'A relation’s dialog');
  await view(page, 'Agreement').click();
  await expectAccessible(page, 'Agreement view with relations');
});
