/** File → Export ids only (for publishing)…: the ids-only file (shared/export/ids-only.ts), saved where the user picks. */
import { idsOnlyFile, serializeIdsOnly } from '@shared/export/ids-only';
import { fileStem } from '@shared/util/file-name';

import type { Services } from '../../app/services';
import { storeOf } from '../../db/project-store';

const IDS_FILTERS = [{ name: 'Ids-only JSON', extensions: ['json'] }];

export async function exportIdsOnly(services: Pick<Services, 'db' | 'platform' | 'announce' | 'clock'>): Promise<void> {
  const { db, platform, announce, clock } = services;
  const [project, threads, posts, codes, coders, codings] = await storeOf(db).read((r) => Promise.all([r.project(), r.threads(), r.allPosts(), r.codes(), r.coders(), r.allCodings()]));
  if (!project) {
    announce('Nothing exported: the project has no threads yet.', 'error');
    return;
  }
  const file = idsOnlyFile({ project, threads, posts, codes, coders, codings }, clock.now());
  const saved = await platform.saveTextFile(`${fileStem(project.name)}-ids-only.json`, serializeIdsOnly(file), IDS_FILTERS);
  if (!saved.ok) announce(`Export failed: ${saved.error}`, 'error');
  else if (saved.value) announce(`Exported ${file.posts.length} post ids with ${file.posts.reduce((n, p) => n + p.codings.length, 0)} codings and no text to ${saved.value}.`);
}
