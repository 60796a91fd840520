import { describe, expect, it } from 'vitest';

import { codedDemo } from '../../privacy/demo-fixture.test-helpers';
import { pseudonymiseBundle } from '../../privacy/pseudonymise-bundle';
import { storeFromBundle } from '../bundle-store';
import { authorAliases } from './author-aliases';

describe('authorAliases', () => {
  it('gives each post’s author the alias the pseudonymised export gives it, and null without a secret', async () => {
    const demo = codedDemo();
    expect(await storeFromBundle(demo).read(authorAliases)).toBeNull();
    const secret = 'cd'.repeat(32);
    const withSecret = { ...demo, project: { ...demo.project, pseudonymSecret: secret } };
    const aliases = await storeFromBundle(withSecret).read(authorAliases);
    const exported = pseudonymiseBundle(withSecret, secret).bundle.posts;
    expect(demo.posts.map((p) => aliases!.of(p.platform, p.author))).toEqual(exported.map((p) => p.author));
  });
});
