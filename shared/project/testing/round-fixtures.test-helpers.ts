/**
 * A lead's project for team-loop tests: two threads (a reply chain with a placeholder, a thread
 * on another platform with a stub post), two codes and a category, the lead Ada and coders Ben
 * and Cy. Packages are opened and returned as the CLI does it (through the bundle's text).
 */
import type { Bundle } from '../../bundle/bundle';
import { serializeBundle } from '../../bundle/serialize';
import { parseBundleText } from '../../bundle/validate';
import type { Coder, Post } from '../../model/records';
import { storeFromBundle } from '../bundle-store';
import { MemoryProjectStore } from '../memory-store';
import { returnFile, type CoderPackage } from '../queries/coder-packages';
import { projectBundle } from '../queries/project-bundle';
import { ADA, code, post, T0, thread } from './core-fixtures.test-helpers';

export const BEN: Coder = { id: 'coder-ben', name: 'Ben' };
export const CY: Coder = { id: 'coder-cy', name: 'Cy' };
export const HEAD = { exportedAt: '2025-03-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };

const placeholder = (id: string, parentId: string): Post => ({ ...post(id, '', parentId), meta: { placeholder: 'missing' } });
const mastodon = (id: string, text: string, parentId: string | null): Post => ({ ...post(id, text, parentId, 't-2'), platform: 'mastodon', platformId: id });

export function teamProject(): MemoryProjectStore {
  return new MemoryProjectStore({
    project: { id: 'lead-project', name: 'Pilot study', createdAt: T0 },
    threads: [thread(), { ...thread('t-2', 'q-1'), platform: 'mastodon' }],
    posts: [
      post('p-1', 'Men are victims too', null),
      post('p-2', 'What about 👩‍👩‍👧 families?'),
      post('p-3', 'That is a false equivalence', 'p-2'),
      placeholder('p-4', 'p-1'),
      post('p-5', 'Stop derailing', 'p-4'),
      mastodon('q-1', 'Why is this here', null),
      mastodon('q-2', 'Because reasons', 'q-1'),
      mastodon('q-3', '   ', 'q-1'),
    ],
    codes: [
      code('c-what', 'Whataboutism', { order: 0, shortcut: 'w' }),
      code('c-false', 'False equivalence', { order: 1 }),
      code('c-group', 'Moves', { order: 2, codable: false }),
    ],
    coders: [{ id: ADA.id, name: ADA.name }, BEN, CY],
  });
}

/** The bundle as it would be read back from its file: serialized, parsed and validated. */
export function throughFile(bundle: Bundle): Bundle {
  const parsed = parseBundleText(serializeBundle(bundle));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
  return parsed.value;
}

/** The blind project a package opens as. */
export const openPackage = (pkg: CoderPackage): MemoryProjectStore => storeFromBundle(throughFile(pkg.bundle));

/** The file a blind project is returned as, read back as the lead would read it. */
export async function returned(blind: MemoryProjectStore): Promise<Bundle> {
  const file = await blind.read((r) => returnFile(r, HEAD));
  if (!file.ok) throw new Error(file.error.message);
  return throughFile(file.value);
}

/** The project's bytes as a bundle file. */
export async function projectBytes(store: MemoryProjectStore): Promise<string> {
  const bundle = await store.read((r) => projectBundle(r, HEAD));
  if (!bundle.ok) throw new Error(bundle.error.message);
  return serializeBundle(bundle.value);
}
