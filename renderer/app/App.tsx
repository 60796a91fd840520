import { useEffect, useMemo, useState } from 'react';

import type { Coder, Project } from '@shared/model/records';
import { randomIds, systemClock } from '@shared/util/clock';

import { openThreadmarkDB } from '../db/database';
import { storeOf } from '../db/project-store';
import { ensureCoder } from '../db/repositories/coders-repository';
import { setCurrentCoderId } from '../db/repositories/settings-repository';
import { SaveTracker } from '../db/save-tracker';
import { prewarmPostEditor } from '../editor/prewarm-post-editor';
import { ActionHistory } from '../features/coding/action-history';
import { CoderNameDialog } from '../features/first-run/CoderNameDialog';
import { currentPlatform } from '../platform/current-platform';
import { StatusLine, useAnnouncer } from './announcer';
import { bootstrap } from './bootstrap';
import { type Services, ServicesContext } from './services';
import { Workspace } from './Workspace';

type Boot =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; coder: Coder | null; project: Project | null };

export function App() {
  const { announcement, announce } = useAnnouncer();
  const services = useMemo<Services>(
    () => ({
      db: openThreadmarkDB(),
      tracker: new SaveTracker({ now: () => Date.now() }),
      history: new ActionHistory(),
      platform: currentPlatform(),
      clock: systemClock,
      ids: randomIds,
      announce,
    }),
    [announce],
  );
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' });
  const [switching, setSwitching] = useState(false);
  const [reloadRequired, setReloadRequired] = useState(false);

  useEffect(() => {
    let live = true;
    // While the database opens: the first thread then renders without Lexical's first-use cost.
    const warmUp = setTimeout(prewarmPostEditor, 0);
    bootstrap(services.db)
      .then(async ({ coder }) => {
        const project = (await storeOf(services.db).read((reader) => reader.project())) ?? null;
        if (live) setBoot({ kind: 'ready', coder, project });
      })
      .catch((error: unknown) => {
        if (live) setBoot({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    const unsubscribe = services.db.onReloadRequired(() => setReloadRequired(true));
    return () => {
      live = false;
      clearTimeout(warmUp);
      unsubscribe();
    };
  }, [services]);

  const chooseCoder = async (name: string) => {
    const coder = await services.tracker.track('coder', ensureCoder(services.db, name, services.ids, services.clock));
    await services.tracker.track('coder', setCurrentCoderId(services.db, coder.id));
    setBoot((b) => (b.kind === 'ready' ? { ...b, coder } : b));
    setSwitching(false);
    announce(`Coding as ${coder.name}.`);
  };

  let body: React.ReactNode;
  if (reloadRequired) {
    body = <Notice title="Threadmark was updated in another window">Reload this window to keep working with the new version.</Notice>;
  } else if (boot.kind === 'loading') {
    body = <Notice title="Opening your project…" />;
  } else if (boot.kind === 'failed') {
    body = <Notice title="Threadmark could not open its database">{boot.message} Nothing was deleted.</Notice>;
  } else if (!boot.coder) {
    body = <CoderNameDialog onSubmit={chooseCoder} />;
  } else {
    body = (
      <>
        <Workspace coder={boot.coder} projectName={boot.project?.name ?? 'Project'} onSwitchCoder={() => setSwitching(true)} />
        {switching ? <CoderNameDialog initialName={boot.coder.name} onSubmit={chooseCoder} onCancel={() => setSwitching(false)} /> : null}
      </>
    );
  }
  return (
    <ServicesContext.Provider value={services}>
      {body}
      <StatusLine announcement={announcement} />
    </ServicesContext.Provider>
  );
}

function Notice({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="notice" role="alert">
      <h1>{title}</h1>
      {children ? <p>{children}</p> : null}
    </div>
  );
}
