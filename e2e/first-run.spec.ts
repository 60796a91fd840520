import { expect, test } from '@playwright/test';

import { startAs } from './helpers';

test('a first run requests no missing file, and the page has its icon', async ({ page }) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => missing.push(`failed ${request.url()}: ${request.failure()?.errorText ?? ''}`));
  await startAs(page, 'Ada');
  expect(missing).toEqual([]);
  // Playwright does not report the browser's favicon request, so the declared icon is fetched here;
  // the type check also catches vite preview answering a missing file with index.html.
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon).toBe('./favicon.svg');
  const served = await page.request.get(new URL(icon ?? '', page.url()).href);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toContain('image/svg+xml');
});
