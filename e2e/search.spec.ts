import { expect, test } from '@playwright/test';

import { importRedditThread, post, startAs } from './helpers';

test('searches a word, jumps to a hit, codes all hits and undoes it in one step', async ({ page }) => {
  await startAs(page, 'Ada');
  // Ctrl+Shift+F opens the Analysis view on its Search tab, the query box focused.
  await page.keyboard.press('Control+Shift+F');
  await expect(page.getByRole('tab', { name: 'Search', selected: true })).toBeVisible();
  const query = page.getByRole('searchbox', { name: 'Search query' });
  await expect(query).toBeFocused();

  // A bad regular expression is a clear message, and the tab keeps working.
  await page.getByRole('checkbox', { name: 'Regular expression' }).check();
  await query.fill('suicid(e');
  await query.press('Enter');
  await expect(page.getByTestId('search-status')).toContainText(/^The regular expression is invalid: /);
  await page.getByRole('checkbox', { name: 'Regular expression' }).uncheck();

  await query.fill('SUICIDE');
  await query.press('Enter');
  await expect(page.getByTestId('search-status')).toHaveText('4 hits in 3 posts.');
  const hits = page.getByRole('list', { name: 'Search hits' }).getByRole('listitem');
  await expect(hits).toHaveCount(4);
  await expect(hits.first().locator('mark')).toHaveText('suicide');

  await page.getByRole('button', { name: 'Code all hits…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Code all hits' });
  await dialog.getByRole('combobox', { name: 'Code' }).selectOption({ label: 'Derailing' });
  // Both hits of "On suicide specifically: … men die by suicide …" are in one sentence: coded once.
  await dialog.getByRole('radio', { name: 'Their sentences' }).check();
  await expect(dialog.getByTestId('code-hits-preview')).toHaveText('3 new codings from 4 hits.');
  await dialog.getByRole('radio', { name: 'The hits' }).check();
  await expect(dialog.getByTestId('code-hits-preview')).toHaveText('4 new codings from 4 hits.');
  await dialog.getByRole('button', { name: 'Code 4' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Coded 4 search hits as “Derailing”' }).first()).toBeVisible();

  // Coding all hits again finds nothing new.
  await page.getByRole('button', { name: 'Code all hits…' }).click();
  await dialog.getByRole('combobox', { name: 'Code' }).selectOption({ label: 'Derailing' });
  await expect(dialog.getByTestId('code-hits-preview')).toHaveText('0 new codings from 4 hits (4 spans already coded).');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A hit jumps to its post in the Coding view, where the codings show as marks.
  await hits.nth(3).getByRole('button').click();
  const twice = post(page, 'On suicide specifically');
  await expect(twice).toBeVisible();
  await expect(twice.locator('mark', { hasText: 'suicide' })).toHaveCount(2);
  await expect(post(page, 'male suicide rates').locator('mark')).toHaveCount(1);

  // One undo takes every coding of the operation back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(twice.locator('mark')).toHaveCount(0);
  await expect(post(page, 'male suicide rates').locator('mark')).toHaveCount(0);
});

test('the index follows imports in the background: the posts of a new thread are indexed before the Search tab is opened', async ({ page }) => {
  await startAs(page, 'Ada');
  /** How many posts the kept index holds (the cache database beside the project's, read as IndexedDB keeps it). */
  const indexedPosts = () =>
    page.evaluate(async () => {
      const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.endsWith('-search'));
      if (!name) return 0;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      if (!db.objectStoreNames.contains('index')) return 0;
      const kept = await new Promise<{ postIds?: string[] } | undefined>((resolve, reject) => {
        const get = db.transaction('index').objectStore('index').get('current');
        get.onsuccess = () => resolve(get.result as { postIds?: string[] } | undefined);
        get.onerror = () => reject(get.error);
      });
      db.close();
      return kept?.postIds?.length ?? 0;
    });
  await expect.poll(indexedPosts, { timeout: 15_000 }).toBeGreaterThan(0);
  const before = await indexedPosts();

  await importRedditThread(page);

  await expect.poll(indexedPosts, { timeout: 15_000 }).toBeGreaterThan(before);
  await expect(page.getByRole('tab', { name: 'Search' })).toHaveCount(0);
});
