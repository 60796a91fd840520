import { expect, test } from '@playwright/test';

import { codeButton, selectPhrase, startAs } from './helpers';

// On a full disk, writes hang without an error (docs/reliability.md, "Storage"). Here another
// connection holds the codings store in a transaction that never ends, so our write waits the same way.
test('a save that hangs shows "saving is stuck", and recovers once the write goes through', async ({ page }) => {
  test.setTimeout(90_000);
  await startAs(page, 'Ada');
  await page.evaluate(async () => {
    // The demo project's own database (each project is one: threadmark-project-<id>).
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.startsWith('threadmark-project-'));
    if (!name) throw new Error('no project database');
    const open = indexedDB.open(name);
    open.onsuccess = () => {
      const tx = open.result.transaction('codings', 'readwrite');
      const store = tx.objectStore('codings');
      const w = window as unknown as { __holdLock: boolean };
      w.__holdLock = true;
      // Keep the transaction alive with back-to-back requests until released.
      const spin = () => {
        if (w.__holdLock) store.count().onsuccess = spin;
      };
      spin();
    };
  });
  const text = (await page.locator('[data-post-text]').first().textContent()) ?? '';
  await selectPhrase(page, text.slice(0, 40));
  await codeButton(page, 'Whataboutism').click();
  const status = page.getByTestId('save-status');
  await expect(status).toHaveText('Saving…');
  await expect(status).toContainText('Saving is stuck', { timeout: 25_000 });

  await page.evaluate(() => {
    (window as unknown as { __holdLock: boolean }).__holdLock = false;
  });
  await expect(status).toHaveText('All changes saved');
  await expect(page.getByRole('article').first().locator('mark')).toHaveCount(1);
});
