import { useCallback, useEffect, useMemo, useState } from 'react';

import { CONSENSUS_CODER_ID, type Coding, type Post } from '@shared/model/records';
import { formatProblem } from '@shared/problem/problem';
import { decideDisagreement, proposeMajority, seedConsensusAgreements } from '@shared/project/operations/consensus';
import type { ProjectReader } from '@shared/project/project-store';
import { codebookInTreeOrder } from '@shared/project/queries/codebook-reads';
import { listDisagreements } from '@shared/project/queries/disagreements';

import { useServices } from '../../app/services';
import { runInProject, storeOf, type ThreadmarkDB } from '../../db/project-store';
import { useProjectQuery } from '../../db/use-project-query';
import { journalStep } from '../coding/journal-step';
import { useStoredToggle } from '../threads/use-stored-toggle';
import { CsvExportDialog } from '../files/CsvExportDialog';
import type { PrivacyChoice } from '../files/export-privacy';
import { exportCodedSegments } from '../files/file-actions';
import { NO_FILTER, type ListFilter } from './adjudication-model';
import { AdjudicationScreen, type DetailProps } from './AdjudicationScreen';
import type { DecideInput } from './core-contract';
import { DisagreementDetail } from './DisagreementDetail';

const NONE: never[] = [];
const NO_CODINGS: Coding[] = [];
const NO_POSTS: Post[] = [];

/**
 * Adjudication (docs/team-loop.md): the project's disagreements read live through the core's
 * listDisagreements, each decided through decideDisagreement as the coder at the keyboard, one
 * undoable step each; the consensus layer exported as the coded-segments CSV of the coder "consensus".
 */
export function AdjudicationView() {
  const services = useServices();
  const { db, tracker, history, clock, ids, announce } = services;
  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  const [exporting, setExporting] = useState(false);
  // A view setting of this project, remembered like "Show code margin" (the project's database names it).
  const [blindCoders, toggleBlindCoders] = useStoredToggle(`threadmark-blind-adjudication:${db.name}`, false);

  const disagreements = useProjectQuery(db, (reader) => listDisagreements(reader, { roundId: filter.roundId }), [filter.roundId]);
  const rounds = useProjectQuery(db, (reader) => reader.rounds(), []) ?? NONE;
  const codes = useProjectQuery(db, codebookInTreeOrder, []) ?? NONE;
  const postsById = usePosts(db, disagreements);

  const decide = useCallback(
    async (input: DecideInput, label: string): Promise<boolean> => {
      const result = await tracker.track('decide', runInProject(db, decideDisagreement, input, { clock, ids }));
      if (!result.ok) {
        announce(`Not decided: ${formatProblem(result.error)}`, 'error');
        return false;
      }
      const entry = result.value.entry;
      if (entry) history.push(journalStep({ db, tracker, clock, ids }, `deciding (${label})`, entry.id));
      announce(entry ? `${label.charAt(0).toUpperCase()}${label.slice(1)}. Ctrl+Z undoes it.` : `Already decided so: ${label}.`);
      return true;
    },
    [db, tracker, history, clock, ids, announce],
  );

  const propose = useCallback(
    async (roundId: string) => {
      const result = await tracker.track('propose by majority', runInProject(db, proposeMajority, { roundId }, { clock, ids }));
      if (!result.ok) {
        announce(`Nothing proposed: ${formatProblem(result.error)}`, 'error');
        return;
      }
      const entry = result.value.entry;
      if (entry) history.push(journalStep({ db, tracker, clock, ids }, 'pre-deciding by majority', entry.id));
      announce(entry ? `${result.value.summary}. Review each proposal: Enter confirms it. Ctrl+Z undoes them all.` : 'No undecided disagreement is settled by a majority.');
    },
    [db, tracker, history, clock, ids, announce],
  );

  /** The consensus is the decided units and the agreed ones: those are taken in (one undoable step) before it is written. */
  const exportConsensus = async (safe: boolean, privacy: PrivacyChoice): Promise<void> => {
    const seeded = await tracker.track('agreed codings', runInProject(db, seedConsensusAgreements, { roundId: null }, { clock, ids }));
    if (!seeded.ok) {
      announce(`The consensus was not exported: ${formatProblem(seeded.error)}`, 'error');
      return;
    }
    const entry = seeded.value.entry;
    if (entry) history.push(journalStep({ db, tracker, clock, ids }, 'taking agreed codings into the consensus', entry.id));
    await exportCodedSegments(services, safe, { coder: CONSENSUS_CODER_ID }, privacy);
  };

  return (
    <>
      <AdjudicationScreen
        disagreements={disagreements}
        filter={filter}
        onFilterChange={setFilter}
        rounds={rounds}
        codes={codes}
        postsById={postsById}
        Detail={LiveDetail}
        decide={decide}
        proposeMajority={propose}
        exportConsensus={() => setExporting(true)}
        announce={announce}
        blindCoders={blindCoders}
        onBlindCodersChange={toggleBlindCoders}
      />
      {exporting ? (
        <CsvExportDialog
          title="Export the consensus (CSV)"
          description="The consensus layer as coded segments: one row per consensus coding, coder “consensus”, as any coder’s export."
          onCancel={() => setExporting(false)}
          onExport={(safe, privacy) => {
            setExporting(false);
            void exportConsensus(safe, privacy);
          }}
        />
      ) : null}
    </>
  );
}

/**
 * The disagreements' posts, for the list's excerpts and the current post. Posts never change once
 * stored, so each is read once and kept; only posts not read yet are asked for.
 */
function usePosts(db: ThreadmarkDB, disagreements: readonly { postId: string }[] | undefined): ReadonlyMap<string, Post> {
  const [posts, setPosts] = useState<ReadonlyMap<string, Post>>(() => new Map());
  useEffect(() => {
    const missing = [...new Set((disagreements ?? []).map((d) => d.postId))].filter((id) => !posts.has(id));
    if (missing.length === 0) return;
    let live = true;
    void storeOf(db)
      .read((reader) => reader.posts(missing))
      .then((found) => {
        if (live && found.size > 0) setPosts((previous) => new Map([...previous, ...found]));
      });
    return () => {
      live = false;
    };
  }, [db, disagreements, posts]);
  return posts;
}

/** The posts a post answers, root first (a broken chain stops where a post is missing). */
async function ancestorsOf(reader: ProjectReader, post: Post | undefined): Promise<Post[]> {
  const chain: Post[] = [];
  const seen = new Set<string>();
  let parentId = post?.parentId ?? null;
  while (parentId !== null && !seen.has(parentId) && chain.length < 100) {
    seen.add(parentId);
    const parent = (await reader.posts([parentId])).get(parentId);
    if (!parent) break;
    chain.unshift(parent);
    parentId = parent.parentId;
  }
  return chain;
}

/** The current disagreement with its context and its consensus codings, read live. */
function LiveDetail(props: DetailProps) {
  const { db } = useServices();
  const { post, d } = props;
  const ancestors = useProjectQuery(db, (reader) => ancestorsOf(reader, post), [post]) ?? NO_POSTS;
  const consensusIds = d.decision?.consensusCodingIds;
  const consensusMap = useProjectQuery(
    db,
    (reader) => (consensusIds && consensusIds.length > 0 ? reader.codingsByIds(consensusIds) : Promise.resolve(new Map<string, Coding>())),
    [consensusIds?.join(' ')],
  );
  const consensus = useMemo(() => (consensusMap ? [...consensusMap.values()].sort((a, b) => a.start - b.start || a.end - b.end) : NO_CODINGS), [consensusMap]);
  return <DisagreementDetail {...props} ancestors={ancestors} consensus={consensus} />;
}
