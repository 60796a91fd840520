import { validateBundle } from '@shared/bundle/validate';
import type { Coder } from '@shared/model/records';
import { systemClock } from '@shared/util/clock';

import demoBundle from '../../resources/demo/demo-project.threadmark.json';
import { importBundle, isDatabaseEmpty } from '../db/bundle-io';
import type { ThreadmarkDB } from '../db/database';
import { storeOf } from '../db/project-store';
import { getCurrentCoderId } from '../db/repositories/settings-repository';

/** Opens the demo project in an empty profile and finds who is coding. */
export async function bootstrap(db: ThreadmarkDB): Promise<{ coder: Coder | null }> {
  if (await isDatabaseEmpty(db)) {
    const demo = validateBundle(demoBundle as unknown);
    // The demo ships with the app and is validated by a unit test; failing here is a build defect.
    if (!demo.ok) throw new Error('The bundled demo project is invalid.');
    await importBundle(db, demo.value, { clock: systemClock, source: 'demo' });
  }
  const coderId = await getCurrentCoderId(db);
  const coder = coderId ? (await storeOf(db).read((reader) => reader.coders())).find((c) => c.id === coderId) : undefined;
  return { coder: coder ?? null };
}
