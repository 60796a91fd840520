import { describe, expect, it } from 'vitest';

import packageJson from '../package.json' with { type: 'json' };
import { APP_INFO, APP_VERSION } from './app-version';

const packageVersion = packageJson.version;

describe('APP_VERSION', () => {
  it('is package.json’s version, injected at build time', () => {
    expect(APP_VERSION).toBe(packageVersion);
    expect(APP_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('names the app in bundles’ `app` field', () => {
    expect(APP_INFO).toEqual({ name: 'Threadmark', version: packageVersion });
  });
});
