/**
 * Team sync in the workspace (docs/sync.md "In the app"): the open project's connection, its sync
 * engine (PouchDB loaded only when the project is connected), the header's status, and the Team
 * menu's connect, open, conflict inbox and disconnect.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';

import type { SyncActionId } from '@shared/actions/action-catalog';
import type { Problem } from '@shared/problem/problem';
import { formatProblem } from '@shared/problem/problem';
import { userNameOf } from '@shared/sync/names';

import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { useServices } from '../../app/services';
import { currentActor, deviceIdOf, forgetConnection, readConnection, saveConnection, storeOf, syncProgressOf, type SyncConnection } from '../../db/project-store';
import { credentialKey, currentCredentialStore } from '../../platform/credential-store';
import { ConflictInbox } from './ConflictInbox';
import { ConnectDialog } from './ConnectDialog';
import { loadPouch } from './load-pouch';
import type { SignedIn } from './server-session';
import { SyncEngine, type SyncSnapshot } from './sync-engine';
import { storePlanner } from './sync-planner';
import { SyncStatusBadge } from './SyncStatusBadge';
import './sync.css';

interface Options {
  /** The machine's coder: the user name offered when connecting. */
  coderName: string;
  /** A new local project for a team project, opened (App's project commands). */
  openTeamProject(connection: SyncConnection): Promise<Problem | undefined>;
  /** Opens this project again: after connecting, the coder is the signed-in user. */
  reopen(): void;
}

type Dialog = 'connect' | 'open' | 'sign-in' | 'conflicts' | 'disconnect' | null;

type State = { kind: 'loading' } | { kind: 'none' } | { kind: 'signed-out'; connection: SyncConnection } | { kind: 'syncing'; connection: SyncConnection; engine: SyncEngine };

export function useTeamSync({ coderName, openTeamProject, reopen }: Options) {
  const { db, clock, ids, announce, platform } = useServices();
  const credentials = useMemo(() => currentCredentialStore(), []);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [snapshot, setSnapshot] = useState<SyncSnapshot | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  // Bumped to start the engine again (after signing in).
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    let engine: SyncEngine | null = null;
    void (async () => {
      const connection = await readConnection(db);
      if (!live) return;
      if (!connection) return setState({ kind: 'none' });
      const password = await credentials.read(credentialKey(connection.serverUrl, connection.projectKey, connection.user));
      if (!live) return;
      if (password === null) return setState({ kind: 'signed-out', connection });
      const [Pouch, deviceId] = await Promise.all([loadPouch(), deviceIdOf(db, () => ids.newId())]);
      if (!live) return;
      const store = storeOf(db);
      const user = { name: connection.user, lead: connection.lead };
      engine = new SyncEngine({
        store,
        progress: syncProgressOf(db),
        planner: storePlanner(store, user, deviceId),
        Pouch,
        localPrefix: db.name,
        serverUrl: connection.serverUrl,
        projectKey: connection.projectKey,
        user,
        auth: { user: connection.user, password },
        deviceId,
        env: async () => ({ clock, ids, actor: (await currentActor(db)) ?? { id: `team-${connection.user}`, name: connection.user } }),
      });
      engine.subscribe((s) => live && setSnapshot(s));
      setState({ kind: 'syncing', connection, engine });
      await engine.start();
    })().catch((error: unknown) => live && announce(`Team sync could not start: ${error instanceof Error ? error.message : String(error)}`, 'error'));
    return () => {
      live = false;
      setSnapshot(null);
      void engine?.stop();
    };
  }, [db, credentials, clock, ids, announce, generation]);

  const passwordNote = credentials.lasting
    ? 'Kept encrypted by your system’s keychain, so Threadmark reconnects by itself.'
    : 'Kept only while this page is open: after a reload you sign in again.';

  const keepPassword = useCallback(
    async (signedIn: SignedIn, password: string): Promise<void> => {
      const note = await credentials.save(credentialKey(signedIn.serverUrl, signedIn.projectKey, signedIn.user), password);
      if (note) announce(note, 'error');
    },
    [credentials, announce],
  );

  const connectionOf = (signedIn: SignedIn): SyncConnection => ({ ...signedIn, connectedAt: clock.now() });

  const onConnect = async (signedIn: SignedIn, password: string): Promise<string | undefined> => {
    await keepPassword(signedIn, password);
    await saveConnection(db, connectionOf(signedIn));
    setDialog(null);
    announce(`Connected to the team project “${signedIn.projectKey}” as ${signedIn.user}${signedIn.lead ? ' (lead)' : ''}.`);
    // Opened again so that the coder at the keyboard is the signed-in user.
    reopen();
    return undefined;
  };

  const onOpen = async (signedIn: SignedIn, password: string): Promise<string | undefined> => {
    await keepPassword(signedIn, password);
    const problem = await openTeamProject(connectionOf(signedIn));
    if (problem) return formatProblem(problem);
    announce(`Opened the team project “${signedIn.projectKey}”: it fills from the server.`);
    return undefined;
  };

  const onSignIn = async (signedIn: SignedIn, password: string): Promise<string | undefined> => {
    await keepPassword(signedIn, password);
    setDialog(null);
    setGeneration((g) => g + 1);
    return undefined;
  };

  const disconnect = async () => {
    setDialog(null);
    const engine = state.kind === 'syncing' ? state.engine : null;
    const connection = state.kind === 'syncing' || state.kind === 'signed-out' ? state.connection : null;
    await engine?.destroyReplicas();
    await forgetConnection(db);
    if (connection) await credentials.remove(credentialKey(connection.serverUrl, connection.projectKey, connection.user));
    setState({ kind: 'none' });
    setSnapshot(null);
    announce('Disconnected from the team server. The project stays on this computer.');
  };

  const connection = state.kind === 'syncing' || state.kind === 'signed-out' ? state.connection : null;
  const commands: { readonly [K in SyncActionId]: () => void } = {
    'sync-connect': () => setDialog('connect'),
    'sync-open': () => setDialog('open'),
    'sync-conflicts': () => setDialog('conflicts'),
    'sync-disconnect': () => setDialog('disconnect'),
  };

  const engine = state.kind === 'syncing' ? state.engine : null;
  const status =
    state.kind === 'signed-out' ? (
      <SyncStatusBadge status={{ kind: 'signed-out' }} keptHere={0} conflicts={0} onSignIn={() => setDialog('sign-in')} onConflicts={commands['sync-conflicts']} />
    ) : snapshot ? (
      <SyncStatusBadge status={snapshot.status} keptHere={snapshot.keptHere} conflicts={snapshot.conflicts.length} onSignIn={() => setDialog('sign-in')} onConflicts={commands['sync-conflicts']} />
    ) : null;

  const offered = { user: userNameOf(coderName) };
  const dialogs = (
    <>
      {dialog === 'connect' ? <ConnectDialog mode="connect" initial={offered} passwordNote={passwordNote} onSignedIn={onConnect} onCancel={() => setDialog(null)} /> : null}
      {dialog === 'open' ? <ConnectDialog mode="open" initial={{ serverUrl: connection?.serverUrl ?? '', ...offered }} passwordNote={passwordNote} onSignedIn={onOpen} onCancel={() => setDialog(null)} /> : null}
      {dialog === 'sign-in' && connection ? <ConnectDialog mode="sign-in" initial={connection} passwordNote={passwordNote} onSignedIn={onSignIn} onCancel={() => setDialog(null)} /> : null}
      {dialog === 'conflicts' && engine ? <ConflictInbox engine={engine} conflicts={snapshot?.conflicts ?? []} onClose={() => setDialog(null)} /> : null}
      {dialog === 'disconnect' ? (
        <ConfirmDialog
          title="Disconnect from the team server?"
          description={`This project stops syncing with “${connection?.projectKey ?? ''}”. Everything in it stays on this computer; changes made here from now on reach the team only if you connect again.${platform.kind === 'electron' ? ' The saved password is forgotten.' : ''}`}
          confirmLabel="Disconnect"
          onConfirm={async () => {
            await disconnect();
            return undefined;
          }}
          onCancel={() => setDialog(null)}
        />
      ) : null}
    </>
  );

  return { connected: connection !== null, lead: connection?.lead ?? false, commands, status, dialogs };
}
