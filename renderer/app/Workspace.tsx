import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';

import { sortCodesAsTree } from '@shared/codebook/code-path';
import type { Code, Coder, Coding } from '@shared/model/records';

import { AdjudicationView } from '../features/adjudication/AdjudicationView';
import { ANALYSIS_TABS } from '../features/analysis/analysis-tab-list';
import { AnalysisView } from '../features/analysis/AnalysisView';
import { SearchIndexUpkeep } from '../features/analysis/search/search-index-upkeep';
import { AgreementView } from '../features/agreement/AgreementView';
import { LiveCodebookPanel } from '../features/codebook/LiveCodebookPanel';
import { DefinitionCard } from '../features/codebook/DefinitionCard';
import { codesByShortcut } from '../features/codebook/shortcut-keys';
import { useCodebookExchange } from '../features/codebook-exchange/use-codebook-exchange';
import { CodingCommandsContext } from '../features/coding/coding-commands';
import { CodingsPanel } from '../features/coding/CodingsPanel';
import { useCodingActions } from '../features/coding/use-coding-actions';
import { exportCodedSegments, type ImportReport } from '../features/files/file-actions';
import { CsvExportDialog } from '../features/files/CsvExportDialog';
import { AnalysisExportDialog } from '../features/files/AnalysisExportDialog';
import { exportForAnalysis } from '../features/files/analysis-export';
import { ImportProblemsDialog } from '../features/files/ImportProblemsDialog';
import { HistoryPanel } from '../features/history/HistoryPanel';
import { ImportDialog } from '../features/import/ImportDialog';
import { RoundsView } from '../features/rounds/RoundsView';
import { useTeamLoop } from '../features/rounds/use-team-loop';
import { useTeamSync } from '../features/sync/use-team-sync';
import type { SyncConnection } from '../db/project-store';
import type { Problem } from '@shared/problem/problem';
import { useQdpx } from '../features/files/use-qdpx';
import { useAnnotationExport } from '../features/files/use-annotation-export';
import { BackupsDialog } from './backup/BackupsDialog';
import { usePlatformDialogs } from '../features/platform/use-platform-dialogs';
import { SaveStatus } from '../features/status/SaveStatus';
import { ThreadList } from '../features/threads/ThreadList';
import { PrintThread } from '../features/threads/print/PrintThread';
import { ThreadView } from '../features/threads/ThreadView';
import { useThreadDisplay } from '../features/threads/use-thread-display';
import { AuthorNamesProvider } from '../features/threads/author-names';
import { CommandPalette } from './actions/CommandPalette';
import { ActionToolbar, ViewSwitch } from './actions/HeaderActions';
import { ACTIONS, runAction } from './actions/registry';
import type { ActionContext, WorkspaceView } from './actions/types';
import { useProjectQuery } from '../db/use-project-query';
import { useServices } from './services';
import { useMenuCommands } from './use-menu-commands';
import { useShortcuts } from './use-shortcuts';
import { useWorkspaceData } from './use-workspace-data';
import type { FirstScreen } from './first-screen';
import { Isolated } from './ui/Isolated';

const NO_CODINGS: readonly Coding[] = [];

interface Props {
  coder: Coder;
  projectName: string;
  onSwitchCoder: () => void;
  /** Back to the project list (the header's Projects button, File → Projects…). */
  onShowProjects: () => void;
  /** Team sync: a new local project for a team project, opened; this project opened again. */
  onOpenTeamProject: (connection: SyncConnection) => Promise<Problem | undefined>;
  onReopen: () => void;
  /** The thread list, codebook and coders read as the project opened: the first render shows them. */
  first?: FirstScreen;
}

/** The coding workbench: threads and codebook, the thread as a reply tree, the focused post's codings. */
export function Workspace({ coder, projectName, onSwitchCoder, onShowProjects, onOpenTeamProject, onReopen, first }: Props) {
  const services = useServices();
  const { db, tracker, history } = services;
  const [chosenThreadId, setChosenThreadId] = useState<string | null>(null);
  const [focusedPostId, setFocusedPostId] = useState<string | null>(null);
  const [reveal, setReveal] = useState<{ postId: string; seq: number } | null>(null);
  /** Shows a post in the Coding view, scrolled into view and focused (from Agreement, Next post to code). */
  const revealPost = useCallback((threadId: string, postId: string) => {
    setChosenThreadId(threadId);
    setFocusedPostId(postId);
    setHighlightIds(null);
    setReveal((r) => ({ postId, seq: (r?.seq ?? 0) + 1 }));
    setView('coding');
  }, []);
  const [highlightIds, setHighlightIds] = useState<string[] | null>(null);
  const [importReport, setImportReport] = useState<ImportReport | null>(null);
  const [csvDialog, setCsvDialog] = useState(false);
  const [analysisExportDialog, setAnalysisExportDialog] = useState(false);
  const [searchOpens, setSearchOpens] = useState(0);
  const [importDialog, setImportDialog] = useState(false);
  /** After an import, its first new thread is opened. */
  const openImportedThread = useCallback((threadIds: readonly string[]) => {
    if (threadIds[0] === undefined) return;
    setChosenThreadId(threadIds[0]);
    setFocusedPostId(null);
    setView('coding');
  }, []);
  const [view, setView] = useState<WorkspaceView>('coding');
  const [palette, setPalette] = useState<{ returnFocus: HTMLElement | null } | null>(null);
  // Remounts the agreement view after a coder file is added, so it reads the new layer.
  const [dataVersion, setDataVersion] = useState(0);
  const codingsPanel = useRef<HTMLElement>(null);
  // The panes' sizes as the user last set them, remembered across reloads (localStorage, this origin);
  // until then the defaults (the side columns in pixels) fit each window size.
  const columnsLayout = useDefaultLayout({ id: 'threadmark-workspace-columns', storage: localStorage, onlySaveAfterUserInteractions: true });
  const sidebarLayout = useDefaultLayout({ id: 'threadmark-workspace-sidebar', storage: localStorage, onlySaveAfterUserInteractions: true });

  const [onlyMine, setOnlyMine] = useState(false);
  const team = useTeamLoop({ onFilesAdded: () => setDataVersion((v) => v + 1), focusedPostId, onRevealPost: revealPost });
  const teamSync = useTeamSync({ coderName: coder.name, openTeamProject: onOpenTeamProject, reopen: onReopen });
  const qdpx = useQdpx();
  const annotationExport = useAnnotationExport();
  const [backupsDialog, setBackupsDialog] = useState(false);
  const platformDialogs = usePlatformDialogs();
  // A blind package is its coder's: codings land on the package's coder whoever sits at this machine.
  const blind = Boolean(team.pkg);
  const actingCoder: Coder = team.pkg ? { id: team.pkg.coderId, name: team.pkg.coderName } : coder;
  // Only Coding and History in a blind package.
  const shownView: WorkspaceView = blind && view !== 'history' ? 'coding' : view;
  const liveData = useWorkspaceData(db, chosenThreadId, onlyMine ? actingCoder.id : null, first);
  const threadId = liveData.threadId;
  const projectId = useProjectQuery(db, (r) => r.project(), [])?.id;
  const threadsKey = useMemo(() => liveData.threads.map((t) => `${t.id}:${t.postCount}`).join(' '), [liveData.threads]);
  const thread = liveData.threads.find((t) => t.id === threadId);
  const actions = useCodingActions(actingCoder.id, liveData.postsById, blind ? team.codingRefusal : undefined);
  const contextPostIds = useMemo(
    () => (team.assigned === null ? undefined : new Set((liveData.posts ?? []).filter((p) => !team.assigned!.has(p.id)).map((p) => p.id))),
    [team.assigned, liveData.posts],
  );
  const display = useThreadDisplay(liveData);
  const shortcutCodes = useMemo(() => codesByShortcut(liveData.codes), [liveData.codes]);
  const codebookExchange = useCodebookExchange(projectName);
  // Re-renders when undo or redo becomes (un)available.
  useSyncExternalStore(
    useCallback((listener) => history.subscribe(listener), [history]),
    useCallback(() => JSON.stringify(history.state()), [history]),
  );
  // Undo and redo steps run one after another: while one runs, a following Ctrl+Z or
  // Ctrl+Shift+Z is queued behind it (the stack it needs is only known once it is done).
  const historySteps = useRef(0);
  const historyStep = (run: () => Promise<void>) => {
    historySteps.current += 1;
    void run().finally(() => {
      historySteps.current -= 1;
    });
  };

  // What the registry's actions act on; the keyboard and the desktop menu read the latest.
  const actionContext: ActionContext = {
    services,
    view: shownView,
    showView: setView,
    onlyMine,
    setOnlyMine,
    openDialog: (dialog) => {
      if (dialog === 'import-threads') setImportDialog(true);
      else if (dialog === 'export-csv') setCsvDialog(true);
      else if (dialog === 'export-analysis') setAnalysisExportDialog(true);
      else if (dialog === 'export-annotations') annotationExport.open();
      else if (dialog === 'backups') setBackupsDialog(true);
      else if (dialog === 'platform-terms' || dialog === 'platform-deletions' || dialog === 'quote-report') platformDialogs.open(dialog);
      else if (dialog === 'search-corpus') {
        // A fresh Analysis view opens on its first tab, Search, with the query box focused.
        setSearchOpens((n) => n + 1);
        setView('analysis');
      }
      else setPalette({ returnFocus: document.activeElement instanceof HTMLElement ? document.activeElement : null });
    },
    showImportReport: setImportReport,
    switchCoder: onSwitchCoder,
    showProjects: onShowProjects,
    history: {
      canUndo: () => history.state().canUndo || historySteps.current > 0,
      canRedo: () => history.state().canRedo || historySteps.current > 0,
      undo: () => historyStep(actions.undo),
      redo: () => historyStep(actions.redo),
    },
    codebook: codebookExchange.commands,
    blind,
    team: team.commands,
    sync: teamSync,
    qdpx: qdpx.commands,
    display,
    printThread: thread && liveData.posts && liveData.complete ? display.print : null,
  };
  const latestContext = useRef(actionContext);
  latestContext.current = actionContext;
  const getContext = useCallback(() => latestContext.current, []);
  useShortcuts(shortcutCodes, actions, getContext);
  useMenuCommands(getContext);

  const closePalette = () => {
    const back = palette?.returnFocus;
    setPalette(null);
    // Opened from a menu item, which is gone: back to the View menu's button.
    (back?.isConnected ? back : document.querySelector<HTMLElement>('.view-menu > button'))?.focus();
  };

  const focusedPost = focusedPostId ? (liveData.postsById.get(focusedPostId) ?? null) : null;
  // Stable, so the (memoized) thread list does not re-render with every coding.
  const onSelectThread = useCallback((id: string) => {
    setChosenThreadId(id);
    setFocusedPostId(null);
  }, []);
  const onFocusPost = useCallback((postId: string) => {
    setFocusedPostId(postId);
    setHighlightIds(null);
  }, []);
  const onMarkClick = useCallback((postId: string, ids: string[]) => {
    setFocusedPostId(postId);
    setHighlightIds(ids);
  }, []);

  // Stable, so the (memoized) codebook does not re-render with every coding.
  const latestActions = useRef(actions);
  latestActions.current = actions;
  const onApplyCode = useCallback((code: Code) => void latestActions.current.applyCode(code), []);
  // Stable too, so the (memoized) codings column and code card do not re-render with every coding.
  const focusCodingsPanel = useCallback(() => codingsPanel.current?.focus(), []);
  const { toggleDefinitionCard } = display;
  const hideDefinitionCard = useCallback(() => {
    toggleDefinitionCard();
    codingsPanel.current?.focus();
  }, [toggleDefinitionCard]);
  const showAllCodings = useCallback(() => setHighlightIds(null), []);

  const codingCommands = useMemo(
    () => ({
      codes: sortCodesAsTree(liveData.codes).map((r) => r.code),
      codeWholePost: (postId: string, code: Code) => void latestActions.current.codeWholePost(postId, code),
    }),
    // A new value re-renders every reader of the context: only when the codes change.
    [liveData.codes],
  );

  return (
    <SearchIndexUpkeep dbName={db.name} projectId={projectId} threadsKey={threadsKey} enabled={!blind}>
      <CodingCommandsContext.Provider value={codingCommands}>
        <AuthorNamesProvider enabled={display.pseudonyms}>
        <div className="workspace">
          <header className={blind ? 'app-header blind' : 'app-header'}>
            <button type="button" className="projects-button" onClick={onShowProjects} title="All projects: open, new, rename, duplicate, delete">
              Projects
            </button>
            <h1 className="app-title">
              Threadmark <Isolated className="project-name">{projectName}</Isolated>
            </h1>
            <ViewSwitch ctx={actionContext} getContext={getContext} />
            <ActionToolbar ctx={actionContext} getContext={getContext} />
            {blind ? null : (
              <label className="check header-check">
                <input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)} />
                Only my codings
              </label>
            )}
            <SaveStatus tracker={tracker} />
            {teamSync.status}
            {blind ? (
              <span className="coder-button" title="A blind package is its coder’s: every coding made here is theirs">
                Coding as <strong><Isolated>{actingCoder.name}</Isolated></strong>
              </span>
            ) : (
              <button type="button" className="coder-button" onClick={onSwitchCoder} title="Switch coder">
                Coding as <strong><Isolated>{coder.name}</Isolated></strong>
              </button>
            )}
            {team.banner}
          </header>
          {platformDialogs.notice}
          {shownView === 'rounds' ? (
            <main className="rounds-pane">
              <RoundsView key={dataVersion} onStartRound={team.openSample} onPreparePackages={team.openPackages} />
            </main>
          ) : shownView === 'analysis' ? (
            <main className="analysis-pane">
              <AnalysisView key={`${dataVersion}:${searchOpens}`} tabs={ANALYSIS_TABS} onShowPost={revealPost} />
            </main>
          ) : shownView === 'agreement' ? (
            <main className="agreement-pane">
              <AgreementView
                key={dataVersion}
                onShowPost={revealPost}
              />
            </main>
          ) : shownView === 'adjudication' ? (
            <main className="adjudication-pane">
              <AdjudicationView key={dataVersion} />
            </main>
          ) : shownView === 'history' ? (
            <main className="history-pane">
              <HistoryPanel coders={liveData.coders} />
            </main>
          ) : (
            <Group
              id="workspace-panes"
              className="workspace-panes"
              orientation="horizontal"
              defaultLayout={columnsLayout.defaultLayout}
              onLayoutChanged={columnsLayout.onLayoutChanged}
            >
              <Panel id="pane-sidebar" className="sidebar" defaultSize={320} minSize="200px">
                <Group
                  id="sidebar-panes"
                  orientation="vertical"
                  defaultLayout={sidebarLayout.defaultLayout}
                  onLayoutChanged={sidebarLayout.onLayoutChanged}
                >
                  <Panel id="pane-threads" className="pane threads-pane" defaultSize="40%" minSize="80px">
                    <ThreadList threads={liveData.threads} selectedId={threadId} onSelect={onSelectThread} />
                  </Panel>
                  <Separator className="pane-separator" aria-label="Resize the thread list and the codebook" />
                  <Panel id="pane-codebook" className="pane codebook-pane" defaultSize="60%" minSize="120px">
                    <LiveCodebookPanel codes={liveData.codes} coders={liveData.coders} onlyCoderId={onlyMine ? actingCoder.id : null} onApply={onApplyCode} />
                  </Panel>
                </Group>
              </Panel>
              <Separator className="pane-separator" aria-label="Resize the threads and codebook column" />
              <Panel id="pane-thread" className="thread-pane" minSize="320px">
                <main className="main-pane">
                  {thread && liveData.posts ? (
                    <ThreadView
                      key={thread.id}
                      title={thread.title}
                      posts={liveData.posts}
                      spansByPost={liveData.spansByPost}
                      marginByPost={display.marginByPost}
                      focusedPostId={focusedPostId}
                      onFocusPost={onFocusPost}
                      onMarkClick={onMarkClick}
                      onOpenCodings={focusCodingsPanel}
                      contextPostIds={contextPostIds}
                      reveal={reveal}
                      busy={!liveData.complete}
                    />
                  ) : (
                    <p className="empty">{liveData.threads.length === 0 ? 'No threads yet. Import threads (File → Import threads…) or a project bundle (File → Import project bundle…).' : 'Loading the thread…'}</p>
                  )}
                </main>
              </Panel>
              <Separator className="pane-separator" aria-label="Resize the codings column" />
              <Panel id="pane-codings" className="codings-pane" defaultSize={280} minSize="200px">
                {display.definitionCard ? (
                  <DefinitionCard
                    code={display.caretCode}
                    codes={liveData.codesById}
                    onHide={hideDefinitionCard}
                  />
                ) : null}
                <CodingsPanel
                  ref={codingsPanel}
                  post={focusedPost}
                  codings={(focusedPost && liveData.codingsByPost.get(focusedPost.id)) ?? NO_CODINGS}
                  highlightIds={highlightIds}
                  codes={liveData.codesById}
                  coders={liveData.coders}
                  actions={actions}
                  onShowAll={showAllCodings}
                />
              </Panel>
            </Group>
          )}
          {importDialog ? <ImportDialog dbName={db.name} onClose={() => setImportDialog(false)} onImported={openImportedThread} /> : null}
          {csvDialog ? (
            <CsvExportDialog
              onCancel={() => setCsvDialog(false)}
              onExport={(safe, privacy) => {
                setCsvDialog(false);
                void exportCodedSegments(services, safe, {}, privacy);
              }}
            />
          ) : null}
          {analysisExportDialog ? (
            <AnalysisExportDialog
              onCancel={() => setAnalysisExportDialog(false)}
              onExport={(kind, privacy) => {
                setAnalysisExportDialog(false);
                void exportForAnalysis(services, kind, undefined, privacy);
              }}
            />
          ) : null}
          {team.dialogs}
          {teamSync.dialogs}
          {qdpx.dialogs}
          {annotationExport.dialog}
          {platformDialogs.dialogs}
          {backupsDialog ? <BackupsDialog services={services} onClose={() => setBackupsDialog(false)} /> : null}
          {display.printing && thread && liveData.posts ? (
            <PrintThread
              title={thread.title}
              posts={liveData.posts}
              codingsByPost={liveData.codingsByPost}
              codes={liveData.codesById}
              coders={liveData.coders}
              onDone={display.donePrinting}
            />
          ) : null}
          {importReport ? <ImportProblemsDialog report={importReport} onClose={() => setImportReport(null)} /> : null}
          {codebookExchange.dialogs}
          {palette ? (
            <CommandPalette
              actions={ACTIONS}
              ctx={actionContext}
              onClose={closePalette}
              onRun={(action) => {
                closePalette();
                runAction(action, latestContext.current);
              }}
            />
          ) : null}
        </div>
        </AuthorNamesProvider>
      </CodingCommandsContext.Provider>
    </SearchIndexUpkeep>
  );
}
