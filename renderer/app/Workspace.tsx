import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';

import { sortCodesAsTree } from '@shared/codebook/code-path';
import type { Code, Coder } from '@shared/model/records';

import { AgreementView } from '../features/agreement/AgreementView';
import { CodebookPanel } from '../features/codebook/CodebookPanel';
import { codesByShortcut } from '../features/codebook/shortcut-keys';
import { useCodebookExchange } from '../features/codebook-exchange/use-codebook-exchange';
import { CodingCommandsContext } from '../features/coding/coding-commands';
import { CodingsPanel } from '../features/coding/CodingsPanel';
import { useCodingActions } from '../features/coding/use-coding-actions';
import { exportCodedSegments, exportProjectBundle, importProjectBundle, type ImportReport } from '../features/files/file-actions';
import { applyCoderFile, type CoderFileProposal, proposeCoderFile } from '../features/files/add-coder-file';
import { CoderFileDialog } from '../features/files/CoderFileDialog';
import { CsvExportDialog } from '../features/files/CsvExportDialog';
import { ImportProblemsDialog } from '../features/files/ImportProblemsDialog';
import { ImportDialog } from '../features/import/ImportDialog';
import { SaveStatus } from '../features/status/SaveStatus';
import { ThreadList } from '../features/threads/ThreadList';
import { ThreadView } from '../features/threads/ThreadView';
import { useServices } from './services';
import { MenuButton } from './ui/MenuButton';
import { useMenuCommands } from './use-menu-commands';
import { useShortcuts } from './use-shortcuts';
import { useWorkspaceData } from './use-workspace-data';

interface Props {
  coder: Coder;
  projectName: string;
  onSwitchCoder: () => void;
}

/** The coding workbench: threads and codebook, the thread as a reply tree, the focused post's codings. */
export function Workspace({ coder, projectName, onSwitchCoder }: Props) {
  const services = useServices();
  const { db, tracker, history } = services;
  const [chosenThreadId, setChosenThreadId] = useState<string | null>(null);
  const [focusedPostId, setFocusedPostId] = useState<string | null>(null);
  const [highlightIds, setHighlightIds] = useState<string[] | null>(null);
  const [importReport, setImportReport] = useState<ImportReport | null>(null);
  const [csvDialog, setCsvDialog] = useState(false);
  const [importDialog, setImportDialog] = useState(false);
  const [view, setView] = useState<'coding' | 'agreement'>('coding');
  const [coderFile, setCoderFile] = useState<CoderFileProposal | null>(null);
  // Remounts the agreement view after a coder file is added, so it reads the new layer.
  const [dataVersion, setDataVersion] = useState(0);
  const codingsPanel = useRef<HTMLElement>(null);

  const [onlyMine, setOnlyMine] = useState(false);
  const liveData = useWorkspaceData(db, chosenThreadId, onlyMine ? coder.id : null);
  const threadId = liveData.threadId;
  const thread = liveData.threads.find((t) => t.id === threadId);
  const actions = useCodingActions(coder.id, liveData.postsById);
  const shortcutCodes = useMemo(() => codesByShortcut(liveData.codes), [liveData.codes]);
  useShortcuts(shortcutCodes, actions);
  useMenuCommands(actions, setImportReport, () => setCsvDialog(true), () => setImportDialog(true));
  const codebookExchange = useCodebookExchange(projectName);
  const historyState = useSyncExternalStore(
    useCallback((listener) => history.subscribe(listener), [history]),
    useCallback(() => JSON.stringify(history.state()), [history]),
  );
  const { canUndo, canRedo } = JSON.parse(historyState) as { canUndo: boolean; canRedo: boolean };

  const focusedPost = focusedPostId ? (liveData.postsById.get(focusedPostId) ?? null) : null;
  const onFocusPost = useCallback((postId: string) => {
    setFocusedPostId(postId);
    setHighlightIds(null);
  }, []);
  const onMarkClick = useCallback((postId: string, ids: string[]) => {
    setFocusedPostId(postId);
    setHighlightIds(ids);
  }, []);

  const codingCommands = useMemo(
    () => ({
      codes: sortCodesAsTree(liveData.codes).map((r) => r.code),
      codeWholePost: (postId: string, code: Code) => void actions.codeWholePost(postId, code),
    }),
    [liveData.codes, actions],
  );

  return (
    <CodingCommandsContext.Provider value={codingCommands}>
      <div className="workspace">
        <header className="app-header">
          <h1 className="app-title">
            Threadmark <span className="project-name">{projectName}</span>
          </h1>
          <nav className="view-switch" aria-label="Views">
            <button type="button" aria-current={view === 'coding' ? 'page' : undefined} onClick={() => setView('coding')}>
              Coding
            </button>
            <button type="button" aria-current={view === 'agreement' ? 'page' : undefined} onClick={() => setView('agreement')}>
              Agreement
            </button>
          </nav>
          <div className="toolbar" role="toolbar" aria-label="Project">
            <button type="button" onClick={() => void actions.undo()} disabled={!canUndo} aria-keyshortcuts="Control+Z">
              Undo
            </button>
            <button type="button" onClick={() => void actions.redo()} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
              Redo
            </button>
            <MenuButton
              label="File"
              menuLabel="File"
              items={[
                { key: 'threads', label: 'Import threads…', onSelect: () => setImportDialog(true) },
                { key: 'import', label: 'Import project bundle…', onSelect: () => void importProjectBundle(services).then(setImportReport) },
                {
                  key: 'coder',
                  label: 'Add coder file…',
                  onSelect: () =>
                    void proposeCoderFile(services).then((result) => {
                      if (result && 'plan' in result) setCoderFile(result);
                      else setImportReport(result);
                    }),
                },
                { key: 'export', label: 'Export project bundle', onSelect: () => void exportProjectBundle(services) },
                { key: 'csv', label: 'Export coded segments (CSV)…', onSelect: () => setCsvDialog(true) },
              ]}
            />
            {codebookExchange.menu}
          </div>
          <label className="check header-check">
            <input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)} />
            Only my codings
          </label>
          <SaveStatus tracker={tracker} />
          <button type="button" className="coder-button" onClick={onSwitchCoder} title="Switch coder">
            Coding as <strong>{coder.name}</strong>
          </button>
        </header>
        {view === 'agreement' ? (
          <main className="agreement-pane">
            <AgreementView key={dataVersion} />
          </main>
        ) : (
          <>
            <div className="sidebar">
              <ThreadList
                threads={liveData.threads}
                selectedId={threadId}
                onSelect={(id) => {
                  setChosenThreadId(id);
                  setFocusedPostId(null);
                }}
              />
              <CodebookPanel codes={liveData.codes} counts={liveData.counts} onApply={(code) => void actions.applyCode(code)} />
            </div>
            <main className="main-pane">
              {thread && liveData.posts ? (
                <ThreadView
                  key={thread.id}
                  title={thread.title}
                  posts={liveData.posts}
                  spansByPost={liveData.spansByPost}
                  focusedPostId={focusedPostId}
                  onFocusPost={onFocusPost}
                  onMarkClick={onMarkClick}
                  onOpenCodings={() => codingsPanel.current?.focus()}
                />
              ) : (
                <p className="empty">{liveData.threads.length === 0 ? 'No threads yet. Import a project bundle.' : 'Loading the thread…'}</p>
              )}
            </main>
            <CodingsPanel
              ref={codingsPanel}
              post={focusedPost}
              codings={focusedPost ? (liveData.codingsByPost.get(focusedPost.id) ?? []) : []}
              highlightIds={highlightIds}
              codes={liveData.codesById}
              coders={liveData.coders}
              actions={actions}
              onShowAll={() => setHighlightIds(null)}
            />
          </>
        )}
        {importDialog ? <ImportDialog dbName={db.name} onClose={() => setImportDialog(false)} /> : null}
        {csvDialog ? (
          <CsvExportDialog
            onCancel={() => setCsvDialog(false)}
            onExport={(safe) => {
              setCsvDialog(false);
              void exportCodedSegments(services, safe);
            }}
          />
        ) : null}
        {coderFile ? (
          <CoderFileDialog
            proposal={coderFile}
            onCancel={() => setCoderFile(null)}
            onConfirm={(replace) => {
              setCoderFile(null);
              void applyCoderFile(services, coderFile, replace).then(() => setDataVersion((v) => v + 1));
            }}
          />
        ) : null}
        {importReport ? <ImportProblemsDialog report={importReport} onClose={() => setImportReport(null)} /> : null}
        {codebookExchange.dialogs}
      </div>
    </CodingCommandsContext.Provider>
  );
}
