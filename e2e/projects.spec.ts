import { readFile } from 'node:fs/promises';

import { expect, type Page, test } from '@playwright/test';

import { codeButton, selectPhrase, startAs } from './helpers';

const DEMO = 'Demo: #MeToo backlash thread';
const DEMO_THREAD = 'The male backlash to #MeToo is a false equivalence';

const projectList = (page: Page) => page.getByRole('list', { name: 'Projects' });
/** The project's entry in the list, by its exact name. */
const projectRow = (page: Page, name: string) =>
  projectList(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name, exact: true }) });
const projectName = (page: Page) => page.locator('.app-header .project-name');
const marks = (page: Page) => page.getByRole('article').first().locator('mark');

async function backToProjects(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Projects', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Threadmark projects' })).toBeVisible();
}

async function codeFirstPost(page: Page): Promise<void> {
  const text = (await page.locator('[data-post-text]').first().textContent()) ?? '';
  await selectPhrase(page, text.slice(0, 30));
  await codeButton(page, 'Whataboutism').click();
  await expect(marks(page)).toHaveCount(1);
}

test('projects: the demo is a project of its own; a new project starts empty; rename, duplicate, delete; the demo keeps its codings', async ({ page }) => {
  await startAs(page, 'Ada');
  await expect(projectName(page)).toHaveText(DEMO);
  await codeFirstPost(page);

  await backToProjects(page);
  await expect(projectList(page).getByRole('listitem')).toHaveCount(1);
  await expect(projectRow(page, DEMO)).toContainText('1 thread, 57 posts and 1 coding');
  await expect(page.locator('.storage-note')).toContainText(`this browser profile for ${new URL(page.url()).origin}`);

  // A new project: empty, with the current coder, and a hint how to bring threads in.
  await page.getByRole('button', { name: 'New project…' }).click();
  const create = page.getByRole('dialog', { name: 'New project' });
  await create.getByLabel('Project name').fill('Pilot study');
  await create.getByRole('button', { name: 'Create project' }).click();
  await expect(projectName(page)).toHaveText('Pilot study');
  await expect(page.getByText(/^No threads yet\. Import threads/)).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Coding as Ada/ })).toBeVisible();

  // Rename it from the list; a name another project has is refused.
  await backToProjects(page);
  await projectRow(page, 'Pilot study').getByRole('button', { name: 'Rename…' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename “Pilot study”' });
  await rename.getByLabel('Project name').fill(DEMO.toUpperCase());
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename.getByRole('alert')).toHaveText(`A project named “${DEMO}” already exists.`);
  await rename.getByLabel('Project name').fill('Pilot study, wave 1');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toBeHidden();
  await expect(projectRow(page, 'Pilot study, wave 1')).toContainText('0 threads, 0 posts and 0 codings');

  // Duplicate the demo: every record goes along.
  await projectRow(page, DEMO).getByRole('button', { name: 'Duplicate' }).click();
  const copy = projectRow(page, `${DEMO} (copy)`);
  await expect(copy).toContainText('1 thread, 57 posts and 1 coding');
  await page.screenshot({ path: 'test-results/project-list.png' });

  // Delete the copy, after a confirmation that names it.
  await copy.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('alertdialog', { name: `Delete the project “${DEMO} (copy)”?` });
  await expect(confirm).toContainText('Its 1 thread, 57 posts and 1 coding are deleted');
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(copy).toBeVisible();
  await copy.getByRole('button', { name: 'Delete…' }).click();
  await confirm.getByRole('button', { name: `Delete “${DEMO} (copy)”` }).click();
  await expect(confirm).toBeHidden();
  await expect(projectList(page).getByRole('listitem')).toHaveCount(2);
  await expect(copy).toHaveCount(0);
  const dbNames = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  expect(dbNames.filter((n) => n.startsWith('threadmark-project-'))).toHaveLength(2);

  // The demo, reopened, has its coding; it is the project a reload opens again.
  await projectRow(page, DEMO).getByRole('button', { name: 'Open' }).click();
  await expect(projectName(page)).toHaveText(DEMO);
  await expect(marks(page)).toHaveCount(1);
  await page.reload();
  await expect(projectName(page)).toHaveText(DEMO);
  await expect(marks(page)).toHaveCount(1);

  // File → Projects… leads back too.
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Find an action' }).fill('projects');
  await page.keyboard.press('Enter');
  await expect(projectRow(page, 'Pilot study, wave 1')).toBeVisible();
});

test('a thread is renamed and deleted from its menu; Ctrl+Z brings it back with its codings', async ({ page }) => {
  await startAs(page, 'Ada');
  await codeFirstPost(page);
  const threads = page.getByRole('navigation', { name: 'Threads' });

  await threads.getByRole('button', { name: `Actions for ${DEMO_THREAD}` }).click();
  await page.getByRole('menu', { name: `Actions for ${DEMO_THREAD}` }).getByRole('menuitem', { name: /^Rename thread…/ }).click();
  const rename = page.getByRole('dialog', { name: `Rename the thread “${DEMO_THREAD}”` });
  await rename.getByLabel('Thread title').fill('Backlash thread (pilot)');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(threads).toContainText('Backlash thread (pilot)');
  await expect(page.getByRole('status').last()).toContainText('Renamed the thread');

  await threads.getByRole('button', { name: 'Actions for Backlash thread (pilot)' }).click();
  await page.getByRole('menuitem', { name: /^Delete thread…/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete the thread “Backlash thread (pilot)”?' });
  await expect(confirm).toContainText('Its 57 posts and 1 coding (by every coder) go with it.');
  await page.screenshot({ path: 'test-results/delete-thread.png' });
  await confirm.getByRole('button', { name: 'Delete thread and 1 coding' }).click();
  await expect(confirm).toBeHidden();
  await expect(threads.getByRole('listitem')).toHaveCount(0);
  await expect(page.getByText(/^No threads yet/)).toBeVisible();

  // Undo goes through the journal: the thread, its posts and the coding come back.
  await page.keyboard.press('Control+Z');
  await expect(threads).toContainText('Backlash thread (pilot)');
  await expect(threads).toContainText('57 posts');
  await expect(marks(page)).toHaveCount(1);
});

test('an empty browser profile says where projects are kept, and opens a bundle or the demo as a project', async ({ page }) => {
  await startAs(page, 'Ada');
  await codeFirstPost(page);
  await page.getByRole('button', { name: 'File', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Export project bundle…' }).click()]);
  expect(download.suggestedFilename()).toBe('demo-metoo-backlash-thread.threadmark.json');
  const bundle = await readFile(await download.path(), 'utf8');

  await backToProjects(page);
  await projectRow(page, DEMO).getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: `Delete “${DEMO}”` }).click();
  const origin = new URL(page.url()).origin;
  await expect(page.getByRole('region', { name: 'No projects' })).toContainText(`No projects in this browser profile for ${origin}. Projects are stored per address`);

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open a project bundle…' }).click()]);
  await chooser.setFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(bundle) });
  await expect(projectName(page)).toHaveText(DEMO);
  await expect(marks(page)).toHaveCount(1);

  await backToProjects(page);
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(projectName(page)).toHaveText(`${DEMO} (2)`);
  await expect(marks(page)).toHaveCount(0);
});
