import { expect, type Page, test } from '@playwright/test';

import { codeButton, fileCommand, selectPhrase, startAs } from './helpers';

/**
 * Issue #14 "Done when": the wiped-database recovery. The system resets IndexedDB behind the app's
 * back (as a full disk did in reliability.md §0); after a reload the app does not open an empty
 * project in silence but offers the verified backup from OPFS, and restoring it brings every
 * coding back.
 */
const marks = (page: Page) => page.getByRole('article').first().locator('mark');

async function codeTwice(page: Page): Promise<void> {
  const text = (await page.locator('[data-post-text]').first().textContent()) ?? '';
  await selectPhrase(page, text.slice(0, 20));
  await codeButton(page, 'Whataboutism').click();
  await expect(marks(page)).toHaveCount(1);
  await selectPhrase(page, text.slice(30, 60));
  await codeButton(page, 'Whataboutism').click();
  await expect(page.getByRole('article').first().locator('mark[data-coding-ids]')).not.toHaveCount(1);
}

/** Every IndexedDB database of the origin deleted, as a reset by the browser would leave it. */
async function wipeIndexedDb(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : []));
    for (const name of names) {
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      });
    }
    return names;
  });
}

/** The backup files in the Origin Private File System, by project folder. */
async function opfsBackups(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('threadmark-backups');
    const out: string[] = [];
    for await (const [name, handle] of root as unknown as AsyncIterable<[string, FileSystemHandle]>) {
      if (handle.kind !== 'directory') continue;
      for await (const file of (handle as unknown as { keys(): AsyncIterable<string> }).keys()) out.push(`${name}/${file}`);
    }
    return out;
  });
}

test('a wiped database: the reload shows the recovery screen with the backup, and Restore brings the codings back', async ({ page }) => {
  await startAs(page, 'Ada');
  await codeTwice(page);
  const codings = await marks(page).evaluateAll((all) => new Set(all.flatMap((m) => (m as HTMLElement).dataset.codingIds?.split(' ') ?? [])).size);
  expect(codings).toBe(2);

  await fileCommand(page, 'Back up now');
  await expect(page.getByText('Backed up and verified: 57 posts, 2 codings.')).toBeVisible();
  expect((await opfsBackups(page)).some((f) => /--57p-2c\.threadmark\.json\.gz$/.test(f))).toBe(true);

  const wiped = await wipeIndexedDb(page);
  expect(wiped).toContain('threadmark-projects');
  await page.reload();

  const screen = page.getByRole('main', { name: 'A project needs to be restored' });
  await expect(screen).toBeVisible();
  const card = screen.getByRole('region', { name: 'Demo: #MeToo backlash thread' });
  await expect(card).toContainText(/This project's database is missing, but a backup from .+ with 57 posts, 2 codings exists\./);
  await card.getByRole('button', { name: 'Show backups' }).click();
  await expect(card.getByRole('table', { name: 'Backups of this project, newest first' }).getByRole('row')).not.toHaveCount(1);

  await card.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText(/Restored “Demo: #MeToo backlash thread” from the backup of .+: 57 posts, 2 codings\./)).toBeVisible();
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect
    .poll(() => marks(page).evaluateAll((all) => new Set(all.flatMap((m) => (m as HTMLElement).dataset.codingIds?.split(' ') ?? [])).size))
    .toBe(2);
  await expect(page.getByRole('button', { name: /Coding as Ada/ })).toBeVisible();
});

test('the integrity check finds nothing in a healthy project; repair is not offered', async ({ page }) => {
  await startAs(page, 'Ada');
  await fileCommand(page, 'Backups and integrity check…');
  const dialog = page.getByRole('dialog', { name: 'Backups and integrity check' });
  await dialog.getByRole('button', { name: 'Check integrity' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'No problems' })).toContainText(/No problems in \d+ codings and \d+ codes\./);
  await expect(dialog.getByRole('button', { name: 'Back up and repair' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByRole('table', { name: 'Backups, newest first' })).toBeVisible();
});
