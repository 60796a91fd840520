/**
 * Builds one change-set for the consensus layer: decisions, with the consensus codings each makes
 * (and the removal of whatever the layer held for that unit before), agreed units seeded, the
 * consensus coder added when the layer first gets a coding. A unit whose decision and codings
 * would come out the same is left as it is, so deciding or seeding twice writes nothing.
 */
import { CONSENSUS_CODER_ID, CONSENSUS_CODER_NAME, type Code, type Coder, type Coding, type Decision, type Post } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { sliceCodePoints } from '../../text/offsets';
import { err, ok, type Result } from '../../util/result';
import type { ChangeSet, RowChange } from '../change-set';
import type { OperationContext } from '../operation';
import type { AdjudicationRead } from '../queries/adjudication-scope';
import { sourcedSpans, unitId, unitsOfPost, type SourcedSpan } from '../queries/coding-units';
import { versionInForce } from '../version-in-force';
import type { UnitOutcome } from './consensus-outcomes';

/** Agreed units have no Decision record; their codings cite `agreed:<postId>|<codeId>`. */
export const AGREED_PREFIX = 'agreed:';

export interface UnitRef {
  id: string;
  post: Post;
  codeId: string;
}

export interface DecisionFields {
  roundId: string | null;
  memo: string;
  proposed: boolean;
}

export interface AgreedCounts {
  /** Units where every assigned coder applied the code with the same spans. */
  units: number;
  /** Consensus codings added for them, and removed (a unit no longer agreed, or re-seeded). */
  added: number;
  removed: number;
}

export class ConsensusWriter {
  private readonly removed = new Map<string, Coding>();
  private readonly added: Coding[] = [];
  private readonly decisionRows: Array<RowChange<Decision>> = [];
  private readonly units = new Set<string>();
  private readonly versionId: string | undefined;

  constructor(
    private readonly read: AdjudicationRead,
    private readonly context: OperationContext,
  ) {
    // Made under the version in force, as any new coding.
    this.versionId = versionInForce(read.project, read.versions);
  }

  /** The unit's consensus codings as stored. */
  private stored(postId: string, codeId: string): Coding[] {
    return (this.read.codingsByPost.get(postId) ?? []).filter((c) => c.coderId === CONSENSUS_CODER_ID && c.codeId === codeId);
  }

  /** Decides the unit: its consensus codings become the outcome's spans. Returns the decision in effect. */
  decide(unit: UnitRef, outcome: UnitOutcome, fields: DecisionFields): Decision {
    this.units.add(unit.id);
    const before = this.read.decisions.get(unit.id) ?? null;
    const stored = this.stored(unit.post.id, unit.codeId);
    if (before && sameDecision(before, outcome, fields) && sameCodings(stored, outcome.spans, fields.memo, unit.id)) return before;
    const codings = this.replace(stored, unit, outcome.spans, fields.memo, unit.id);
    const after: Decision = {
      id: unit.id,
      postId: unit.post.id,
      codeId: unit.codeId,
      roundId: fields.roundId,
      outcome: outcome.outcome,
      acceptedCoderIds: outcome.acceptedCoderIds,
      consensusCodingIds: codings.map((c) => c.id),
      memo: fields.memo,
      decidedBy: this.context.actor.id,
      decidedAt: this.context.at,
      proposed: fields.proposed,
    };
    this.decisionRows.push({ before, after });
    return after;
  }

  /**
   * Every agreed unit among the read posts gets consensus codings citing all the coders' codings;
   * agreed-unit codings whose unit is no longer agreed go. Decided units are the decision's.
   */
  seedAgreements(): AgreedCounts {
    const { scope, posts, codingsByPost, decisions } = this.read;
    const counts: AgreedCounts = { units: 0, added: 0, removed: 0 };
    const removedBefore = this.removed.size;
    for (const post of posts) {
      const codings = codingsByPost.get(post.id) ?? [];
      const agreed = new Set<string>();
      for (const unit of unitsOfPost(scope, post, codings)?.units ?? []) {
        if (!unit.agreed || decisions.has(unit.id) || this.units.has(unit.id)) continue;
        agreed.add(unit.id);
        counts.units++;
        this.units.add(unit.id);
        const stored = this.stored(post.id, unit.codeId);
        const spans = sourcedSpans(unit.codings);
        const decisionId = `${AGREED_PREFIX}${unit.id}`;
        if (sameCodings(stored, spans, '', decisionId)) continue;
        counts.added += this.replace(stored, unit, spans, '', decisionId).length;
      }
      for (const c of codings) {
        const id = unitId(c.postId, c.codeId);
        const stale = c.coderId === CONSENSUS_CODER_ID && c.provenance?.decisionId.startsWith(AGREED_PREFIX) === true && !agreed.has(id) && !decisions.has(id) && !this.units.has(id);
        if (stale) this.removed.set(c.id, c);
      }
    }
    counts.removed = this.removed.size - removedBefore;
    return counts;
  }

  private replace(stored: readonly Coding[], unit: UnitRef, spans: readonly SourcedSpan[], memo: string, decisionId: string): Coding[] {
    for (const c of stored) this.removed.set(c.id, c);
    const { at, actor, ids } = this.context;
    const codings = spans.map(
      (s): Coding => ({
        id: ids.newId(),
        postId: unit.post.id,
        threadId: unit.post.threadId,
        codeId: unit.codeId,
        coderId: CONSENSUS_CODER_ID,
        start: s.start,
        end: s.end,
        quote: sliceCodePoints(unit.post.text, s.start, s.end),
        memo,
        createdAt: at,
        updatedAt: at,
        ...(this.versionId === undefined ? {} : { codebookVersionId: this.versionId }),
        provenance: { sourceCodingIds: [...s.sourceCodingIds], decidedBy: actor.id, decidedAt: at, decisionId },
      }),
    );
    this.added.push(...codings);
    return codings;
  }

  /** The change-set, with the consensus coder when the layer gets its first coding. */
  changes(): Result<ChangeSet, Problem> {
    const coders: Array<RowChange<Coder>> = [];
    if (this.added.length > 0 && !this.read.allCoders.some((c) => c.id === CONSENSUS_CODER_ID)) {
      const clash = this.read.allCoders.find((c) => c.name.trim().toLowerCase() === CONSENSUS_CODER_NAME);
      if (clash) return err({ record: `coder “${clash.name}” (id ${clash.id})`, field: 'name', message: `the consensus layer is the coder “${CONSENSUS_CODER_NAME}”: rename this coder before adjudicating` });
      coders.push({ before: null, after: { id: CONSENSUS_CODER_ID, name: CONSENSUS_CODER_NAME } });
    }
    return ok({
      coders,
      codes: exemplarFixes(this.read.codes, this.removed),
      codings: [...[...this.removed.values()].map((c) => ({ before: c, after: null })), ...this.added.map((c) => ({ before: null, after: c }))],
      decisions: this.decisionRows,
    });
  }
}

/** A removed consensus coding stops being an exemplar, as removing any coding does. */
function exemplarFixes(codes: readonly Code[], removed: ReadonlyMap<string, Coding>): Array<RowChange<Code>> {
  if (removed.size === 0) return [];
  return codes
    .filter((c) => c.exemplarCodingIds.some((id) => removed.has(id)))
    .map((c) => ({ before: c, after: { ...c, exemplarCodingIds: c.exemplarCodingIds.filter((id) => !removed.has(id)) } }));
}

function sameDecision(d: Decision, outcome: UnitOutcome, fields: DecisionFields): boolean {
  return (
    d.outcome === outcome.outcome &&
    d.memo === fields.memo &&
    d.proposed === fields.proposed &&
    d.roundId === fields.roundId &&
    d.acceptedCoderIds.length === outcome.acceptedCoderIds.length &&
    d.acceptedCoderIds.every((id, i) => id === outcome.acceptedCoderIds[i])
  );
}

function sameCodings(stored: readonly Coding[], spans: readonly SourcedSpan[], memo: string, decisionId: string): boolean {
  if (stored.length !== spans.length) return false;
  const sorted = [...stored].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.every((c, i) => {
    const s = spans[i]!;
    const sources = c.provenance?.sourceCodingIds ?? [];
    return c.start === s.start && c.end === s.end && c.memo === memo && c.provenance?.decisionId === decisionId && sources.length === s.sourceCodingIds.length && sources.every((id, k) => id === s.sourceCodingIds[k]);
  });
}
