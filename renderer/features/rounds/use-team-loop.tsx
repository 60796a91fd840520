import './rounds.css';

import { type ReactNode, useCallback, useEffect, useState } from 'react';

import type { TeamActionId } from '@shared/actions/action-catalog';
import type { CoderPackageRef } from '@shared/model/records';
import { postsInReadingOrder } from '@shared/project/queries/reading-order';

import { useServices } from '../../app/services';
import { useProjectQuery } from '../../db/use-project-query';
import { addCoderFiles, proposeCoderFiles, replanCoderFiles, withMoreFiles, type CoderFilesReview } from '../files/add-coder-files';
import { AddCoderFilesDialog } from '../files/AddCoderFilesDialog';
import { BlindBanner } from './BlindBanner';
import { CodebookChangesDialog } from './CodebookChangesDialog';
import { nextPostToCode, type PackagePost } from './next-post-to-code';
import { PackagesDialog } from './PackagesDialog';
import { SampleDialog } from './SampleDialog';
import { returnMyCodings } from './team-files';

type OpenDialog =
  | { kind: 'sample' }
  | { kind: 'packages'; roundId?: string }
  | { kind: 'coder-files'; review: CoderFilesReview; busy: boolean }
  | { kind: 'codebook-changes' };

/** The header's Team menu (renderer/app/actions/HeaderActions.tsx names it so). */
const MENU_CLASS = 'team-menu';

export interface TeamLoop {
  /** What the Team menu's actions do. */
  commands: Record<TeamActionId, () => void>;
  dialogs: ReactNode;
  /** A blind project's package; null in a lead's project; undefined until read. */
  pkg: CoderPackageRef | null | undefined;
  /** The blind package's header line, or null. */
  banner: ReactNode;
  openSample(): void;
  openPackages(roundId?: string): void;
  /** In a blind package: the posts the coder was assigned (the others are context); null otherwise. */
  assigned: ReadonlySet<string> | null;
  /** Why a post may not be coded here (a blind package's context post), or null. */
  codingRefusal(postId: string): string | null;
}

const CONTEXT_POST = 'This post is context: it is shown so you can read what your posts answer, and is not one of the posts you were asked to code.';

/** Whether this package's "codebook changes" were shown on this machine (a UI hint: losing it only shows them again). */
const seenKey = (pkg: CoderPackageRef): string => `threadmark.package-seen.${pkg.projectId}.${pkg.roundId}.${pkg.coderId}`;

function firstOpen(pkg: CoderPackageRef): boolean {
  try {
    if (localStorage.getItem(seenKey(pkg)) !== null) return false;
    localStorage.setItem(seenKey(pkg), new Date().toISOString());
  } catch {
    // Storage refused (private mode): show the changes every time rather than never.
  }
  return true;
}

/**
 * The team loop in the workspace (docs/team-loop.md): in a lead's project the Team menu starts
 * rounds, writes coder packages and takes returned files back; in a blind package it shows whose
 * package it is, the instructions and the codebook's changes, and returns the coder's codings.
 */
interface TeamLoopOptions {
  onFilesAdded: () => void;
  /** The post focused in the Coding view: "Next post to code" goes on from it. */
  focusedPostId: string | null;
  /** Shows a post in the Coding view, scrolled into view and focused. */
  onRevealPost: (threadId: string, postId: string) => void;
}

export function useTeamLoop({ onFilesAdded, focusedPostId, onRevealPost }: TeamLoopOptions): TeamLoop {
  const services = useServices();
  const { db } = services;
  const pkg = useProjectQuery(db, async (reader) => (await reader.project())?.package ?? null, []);
  const coderId = pkg?.coderId ?? null;
  const assigned =
    useProjectQuery(
      db,
      async (reader) => (coderId === null ? null : new Set((await reader.assignments()).filter((a) => a.coderId === coderId).flatMap((a) => a.postIds))),
      [coderId],
    ) ?? null;
  const codedPosts = useProjectQuery(db, async (reader) => (coderId === null ? null : new Set((await reader.codingsOfCoder(coderId)).map((c) => c.postId))), [coderId]);
  const orderedAssigned = useProjectQuery(
    db,
    async (reader): Promise<PackagePost[] | null> => {
      if (assigned === null) return null;
      // Ids and threads only: the posts' facts, not the posts.
      const [threads, posts] = await Promise.all([reader.threads(), reader.postFacts()]);
      return postsInReadingOrder(threads, posts)
        .filter((p) => assigned.has(p.id))
        .map((p) => ({ id: p.id, threadId: p.threadId }));
    },
    [assigned],
  );
  const progress = assigned && codedPosts ? { assigned: assigned.size, coded: [...assigned].filter((id) => codedPosts.has(id)).length } : null;
  const codingRefusal = useCallback((postId: string) => (assigned !== null && !assigned.has(postId) ? CONTEXT_POST : null), [assigned]);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);

  useEffect(() => {
    if (pkg && firstOpen(pkg)) setDialog({ kind: 'codebook-changes' });
  }, [pkg]);

  const close = (): void => {
    setDialog(null);
    // The menu item that opened the dialog is gone: focus goes back to the menu's button.
    document.querySelector<HTMLElement>(`.${MENU_CLASS} > button`)?.focus();
  };

  const addFiles = async (): Promise<void> => {
    const review = await proposeCoderFiles(services);
    if (review) setDialog({ kind: 'coder-files', review, busy: false });
  };
  const addMoreFiles = async (current: CoderFilesReview): Promise<void> => {
    const more = await proposeCoderFiles(services);
    if (!more) return;
    setDialog({ kind: 'coder-files', review: await replanCoderFiles(services, withMoreFiles(current.files, more.files)), busy: false });
  };
  const leaveOut = async (current: CoderFilesReview, name: string): Promise<void> => {
    setDialog({ kind: 'coder-files', review: await replanCoderFiles(services, current.files.filter((f) => f.name !== name)), busy: false });
  };
  const confirmFiles = async (review: CoderFilesReview, replace: ReadonlyMap<string, ReadonlySet<string>>): Promise<void> => {
    setDialog({ kind: 'coder-files', review, busy: true });
    await addCoderFiles(services, review, replace);
    close();
    onFilesAdded();
  };

  const commands: Record<TeamActionId, () => void> = {
    'team-sample': () => setDialog({ kind: 'sample' }),
    'team-packages': () => setDialog({ kind: 'packages' }),
    'add-coder-file': () => void addFiles(),
    'team-return': () => void returnMyCodings(services),
  };

  let dialogs: ReactNode = null;
  if (dialog?.kind === 'sample') dialogs = <SampleDialog onClose={close} onStarted={(round) => setDialog({ kind: 'packages', roundId: round.id })} />;
  if (dialog?.kind === 'packages') dialogs = <PackagesDialog roundId={dialog.roundId} onClose={close} onStartRound={() => setDialog({ kind: 'sample' })} />;
  if (dialog?.kind === 'coder-files') {
    const { review } = dialog;
    dialogs = (
      <AddCoderFilesDialog
        review={review}
        busy={dialog.busy}
        onCancel={close}
        onLeaveOut={(name) => void leaveOut(review, name)}
        onAddMore={() => void addMoreFiles(review)}
        onConfirm={(replace) => void confirmFiles(review, replace)}
      />
    );
  }
  if (dialog?.kind === 'codebook-changes' && pkg) dialogs = <CodebookChangesDialog pkg={pkg} onClose={close} />;

  const showNextPost = (): void => {
    const next = orderedAssigned && codedPosts ? nextPostToCode(orderedAssigned, codedPosts, focusedPostId) : null;
    if (next) onRevealPost(next.threadId, next.id);
    else services.announce('Every post of yours has a coding. Return your codings when you are done.');
  };
  const banner = pkg ? (
    <BlindBanner pkg={pkg} progress={progress} onShowChanges={() => setDialog({ kind: 'codebook-changes' })} onReturn={commands['team-return']} onNextPost={showNextPost} />
  ) : null;

  return {
    commands,
    dialogs,
    pkg,
    banner,
    openSample: commands['team-sample'],
    openPackages: (roundId) => setDialog({ kind: 'packages', ...(roundId ? { roundId } : {}) }),
    assigned,
    codingRefusal,
  };
}
