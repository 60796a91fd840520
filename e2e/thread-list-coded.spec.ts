import { expect, test } from '@playwright/test';

import { codeOpeningPost, importRedditThread, startAs } from './helpers';

// The thread list counts coded posts only while it is sorted by them (the count reads every coding;
// issue 15's scale bench): the share shows then, and follows each coding live.
test('sorted by coded share, the thread list shows each thread’s coded posts and follows codings live', async ({ page }) => {
  await startAs(page, 'Ada');
  await importRedditThread(page);
  const list = page.getByRole('navigation', { name: 'Threads' });
  const open = list.locator('.thread-choose[aria-current="true"] .thread-meta');
  await expect(open).not.toContainText('coded');
  const posts = Number(/([\d,]+) posts/.exec((await open.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
  expect(posts).toBeGreaterThan(1);

  const sort = list.getByLabel('Sort', { exact: true });
  await sort.selectOption({ label: 'Most coded (share of posts)' });
  await expect(list.locator('.thread-meta')).toHaveText([/\(0% coded\)/, /\(0% coded\)/]);

  // One post of the open thread coded; a second coding of the same post is still one coded post.
  const share = `(${Math.round(100 / posts)}% coded)`;
  await codeOpeningPost(page, [[0, 4, '1']]);
  await expect(open).toContainText(share);
  await codeOpeningPost(page, [[5, 9, '2']]);
  await expect(open).toContainText(share);
  // The most coded thread comes first.
  await expect(list.locator('.thread-choose').first()).toHaveAttribute('aria-current', 'true');

  // Back to import order: no share shown, the counts of posts as before.
  await sort.selectOption({ label: 'Import order' });
  await expect(open).not.toContainText('coded');
  await expect(open).toContainText(`${posts.toLocaleString('en')} posts`);
});
