import './projects.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';

import { listProjects, type MachineCoder } from '../../db/registry/registry';
import type { ProjectEntry, ProjectRegistryDB } from '../../db/registry/registry-db';
import type { ImportReport } from '../../features/files/file-actions';
import { ImportProblemsDialog } from '../../features/files/ImportProblemsDialog';
import { DeleteProjectDialog, ProjectNameDialog } from './ProjectDialogs';
import { countsText, openedText } from './project-text';
import { isStoragePersisted } from './storage-persistence';
import type { ProjectCommands } from './use-project-session';
import { Isolated } from '../ui/Isolated';

interface Props {
  registry: ProjectRegistryDB;
  coder: MachineCoder;
  runtime: 'electron' | 'web';
  commands: ProjectCommands;
  onSwitchCoder: () => void;
}

type ListDialog = { kind: 'new' } | { kind: 'rename'; entry: ProjectEntry } | { kind: 'delete'; entry: ProjectEntry } | { kind: 'report'; report: ImportReport };

/** The projects of this profile: open one, start one, open a bundle as one; rename, duplicate, delete. */
export function ProjectList({ registry, coder, runtime, commands, onSwitchCoder }: Props) {
  const projects = useLiveQuery(() => listProjects(registry), [registry]);
  const [dialog, setDialog] = useState<ListDialog | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const persisted = useStoragePersisted();
  const titleId = useId();

  /** One command at a time; the list says which one runs. */
  const run = (label: string, work: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(label);
    void work().finally(() => setBusy(null));
  };
  const openBundle = () =>
    run('Opening the bundle…', async () => {
      const report = await commands.openBundle();
      if (report) setDialog({ kind: 'report', report });
    });

  return (
    <main className="project-list" aria-labelledby={titleId} aria-busy={busy !== null}>
      <header className="project-list-header">
        <h1 id={titleId}>Threadmark projects</h1>
        <button type="button" className="coder-button" onClick={onSwitchCoder} title="Switch coder">
          Coding as <strong><Isolated>{coder.name}</Isolated></strong>
        </button>
      </header>
      <div className="project-list-actions" role="toolbar" aria-label="Projects">
        <button type="button" className="primary" onClick={() => setDialog({ kind: 'new' })} disabled={busy !== null}>
          New project…
        </button>
        <button type="button" onClick={openBundle} disabled={busy !== null}>
          Open a project bundle…
        </button>
        <button type="button" onClick={() => run('Opening the demo…', commands.openDemo)} disabled={busy !== null}>
          Open the demo
        </button>
      </div>
      {busy ? <p className="project-busy">{busy}</p> : null}
      {projects === undefined ? null : projects.length === 0 ? (
        <EmptyProfile runtime={runtime} />
      ) : (
        <ul className="projects" aria-label="Projects">
          {projects.map((entry) => (
            <ProjectRow
              key={entry.id}
              entry={entry}
              disabled={busy !== null}
              onOpen={() => run(`Opening “${entry.name}”…`, () => commands.open(entry))}
              onRename={() => setDialog({ kind: 'rename', entry })}
              onDuplicate={() => run(`Duplicating “${entry.name}”…`, () => commands.duplicate(entry))}
              onDelete={() => setDialog({ kind: 'delete', entry })}
            />
          ))}
        </ul>
      )}
      <p className="storage-note">
        <StorageNote runtime={runtime} persisted={persisted} />
      </p>
      {dialog?.kind === 'new' ? (
        <ProjectNameDialog
          title="New project"
          confirmLabel="Create project"
          onCancel={() => setDialog(null)}
          onSubmit={async (name) => {
            const problem = await commands.create(name);
            if (!problem) setDialog(null);
            return problem;
          }}
        />
      ) : null}
      {dialog?.kind === 'rename' ? (
        <ProjectNameDialog
          title={`Rename “${dialog.entry.name}”`}
          initialName={dialog.entry.name}
          confirmLabel="Rename"
          onCancel={() => setDialog(null)}
          onSubmit={async (name) => {
            const problem = await commands.rename(dialog.entry, name);
            if (!problem) setDialog(null);
            return problem;
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteProjectDialog
          entry={dialog.entry}
          onCancel={() => setDialog(null)}
          onConfirm={async () => {
            const problem = await commands.remove(dialog.entry);
            if (!problem) setDialog(null);
            return problem;
          }}
        />
      ) : null}
      {dialog?.kind === 'report' ? <ImportProblemsDialog report={dialog.report} onClose={() => setDialog(null)} /> : null}
    </main>
  );
}

interface RowProps {
  entry: ProjectEntry;
  disabled: boolean;
  onOpen: () => void;
  onRename: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

function ProjectRow({ entry, disabled, onOpen, onRename, onDuplicate, onDelete }: RowProps) {
  const nameId = useId();
  return (
    <li className="project-row" aria-labelledby={nameId}>
      <div className="project-summary">
        <div className="project-heading">
          <h2 id={nameId} className="project-title">
            <Isolated>{entry.name}</Isolated>
          </h2>
          {entry.kind === 'demo' ? <span className="project-badge">demo</span> : null}
          {entry.mode === 'blind' ? <span className="project-badge" title="A coder package: you code your own layer, blind to the others">blind package</span> : null}
        </div>
        <p className="project-meta">
          {entry.counts ? `${countsText(entry.counts)} · ` : ''}
          {openedText(entry.openedAt)}
        </p>
      </div>
      <div className="row-actions">
        <button type="button" className="primary" onClick={onOpen} disabled={disabled} aria-describedby={nameId}>
          Open
        </button>
        <button type="button" onClick={onRename} disabled={disabled} aria-describedby={nameId}>
          Rename…
        </button>
        <button type="button" onClick={onDuplicate} disabled={disabled} aria-describedby={nameId}>
          Duplicate
        </button>
        <button type="button" className="danger" onClick={onDelete} disabled={disabled} aria-describedby={nameId}>
          Delete…
        </button>
      </div>
    </li>
  );
}

/** An origin without projects: most often the same app reached at another address. */
function EmptyProfile({ runtime }: { runtime: 'electron' | 'web' }) {
  return (
    <section className="empty-profile" aria-label="No projects">
      {runtime === 'web' ? (
        <p>
          No projects in this browser profile for <strong>{window.location.origin}</strong>. Projects are stored per address: the
          same computer at another address (<code>localhost</code> instead of <code>127.0.0.1</code>, another port) or in another
          browser profile has its own, separate projects. Start a new project, open the demo, or open a project bundle you exported.
        </p>
      ) : (
        <p>No projects yet. Start a new project, open the demo, or open a project bundle you exported.</p>
      )}
    </section>
  );
}

function StorageNote({ runtime, persisted }: { runtime: 'electron' | 'web'; persisted: boolean | null }) {
  if (runtime === 'electron') return <>Projects are stored in this app’s profile on this computer. Export a project bundle to back one up.</>;
  const where = `Projects are stored in this browser profile for ${window.location.origin}.`;
  if (persisted === true) return <>{where} Storage is persistent: the browser will not clear them to free space. Export a project bundle to back one up.</>;
  if (persisted === false)
    return <>{where} Storage is not persistent: the browser may clear them when the disk runs low. Export project bundles to back them up.</>;
  return <>{where} Export a project bundle to back one up.</>;
}

function useStoragePersisted(): boolean | null {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void isStoragePersisted().then((value) => live && setPersisted(value));
    return () => {
      live = false;
    };
  }, []);
  return persisted;
}
