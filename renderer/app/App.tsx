import { useEffect, useMemo, useState } from 'react';

import { randomIds, systemClock } from '@shared/util/clock';

import { ManifestKeeper } from '../db/backup/manifest-keeper';
import { SaveTracker } from '../db/save-tracker';
import { prewarmPostEditor } from '../editor/prewarm-post-editor';
import { CoderNameDialog } from '../features/first-run/CoderNameDialog';
import { currentBackupStore } from '../platform/current-backup-store';
import { currentPlatform } from '../platform/current-platform';
import { StatusLine, useAnnouncer } from './announcer';
import { RecoveryScreen } from './backup/RecoveryScreen';
import { ProjectList } from './projects/ProjectList';
import { useProjectSession } from './projects/use-project-session';
import { type Services, ServicesContext } from './services';
import { useWarmUpAfterFirstFrame } from './warm-up-after-first-frame';
import { Workspace } from './Workspace';

export function App() {
  // The status line follows the announcer itself: a message re-renders it alone, not the app.
  const announcer = useAnnouncer();
  const announce = announcer.announce;
  const base = useMemo(() => ({ tracker: new SaveTracker({ now: () => Date.now() }), platform: currentPlatform(), clock: systemClock, ids: randomIds }), []);
  // Backups and the manifest live outside IndexedDB: OPFS on the web, the user data folder on the desktop.
  const backup = useMemo(() => {
    const store = currentBackupStore();
    return { store, manifest: new ManifestKeeper(store, window.localStorage) };
  }, []);
  const { registry, session, chooseCoder, showProjects, commands, recover, describeCase } = useProjectSession({ ...base, announce, backup });
  const [switching, setSwitching] = useState(false);
  const [reloadRequired, setReloadRequired] = useState(false);

  // The open project's database and undo history: the workspace's services while it is open.
  const db = session.kind === 'project' ? session.project.db : null;
  const history = session.kind === 'project' ? session.history : null;
  const backups = session.kind === 'project' ? session.backups : undefined;
  const services = useMemo<Services | null>(() => (db && history ? { ...base, db, history, announce, backups } : null), [base, db, history, announce, backups]);

  // Lexical's first-use cost paid after the project's first frame (the thread list), while its first thread's posts are read.
  useWarmUpAfterFirstFrame(session.kind === 'project', prewarmPostEditor);
  useEffect(() => db?.onReloadRequired(() => setReloadRequired(true)), [db]);

  const onCoder = async (name: string) => {
    await chooseCoder(name);
    setSwitching(false);
  };
  const switchDialog = (name: string) =>
    switching ? <CoderNameDialog initialName={name} onSubmit={onCoder} onCancel={() => setSwitching(false)} /> : null;

  let body: React.ReactNode;
  if (reloadRequired) {
    body = <Notice title="Threadmark was updated in another window">Reload this window to keep working with the new version.</Notice>;
  } else if (session.kind === 'loading') {
    body = <Notice title="Opening your project…" />;
  } else if (session.kind === 'failed') {
    body = <Notice title="Threadmark could not open its database">{session.message} Nothing was deleted.</Notice>;
  } else if (session.kind === 'coder-needed') {
    const elsewhere =
      base.platform.kind === 'web' && session.projectCount === 0
        ? `No projects in this browser profile for ${window.location.origin} yet: Threadmark will open its demo project. Projects are stored per address, so work done at another address (localhost instead of 127.0.0.1, another port) is there, not here.`
        : undefined;
    body = <CoderNameDialog onSubmit={onCoder} note={elsewhere} />;
  } else if (session.kind === 'recovery') {
    body = <RecoveryScreen cases={session.cases} describe={describeCase} onChoose={recover} where={backup.store.where} />;
  } else if (session.kind === 'list') {
    body = (
      <>
        <ProjectList registry={registry} coder={session.coder} runtime={base.platform.kind} commands={commands} onSwitchCoder={() => setSwitching(true)} />
        {switchDialog(session.coder.name)}
      </>
    );
  } else if (services) {
    body = (
      <ServicesContext.Provider value={services}>
        <Workspace
          key={session.project.entry.id}
          coder={session.project.coder}
          projectName={session.project.entry.name}
          first={session.first}
          onSwitchCoder={() => setSwitching(true)}
          onShowProjects={() => void showProjects()}
          onOpenTeamProject={commands.openTeam}
          onReopen={() => void commands.reopen()}
        />
        {switchDialog(session.project.coder.name)}
      </ServicesContext.Provider>
    );
  }
  return (
    <>
      {body}
      <StatusLine announcer={announcer} />
    </>
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
