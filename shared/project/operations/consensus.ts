/**
 * Adjudication (docs/team-loop.md, "Consensus"): decide a disagreement, have the majority rule
 * propose decisions for review, apply a rule to every open disagreement (the CLI), and keep the
 * consensus layer's agreed units in step with the coders. Every write goes through
 * ConsensusWriter, so a decision, its consensus codings and their provenance are made one way.
 */
import { CONSENSUS_CODER_ID, CONSENSUS_CODER_NAME, type Decision, type DecisionOutcome, type Post } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { codePointLength } from '../../text/offsets';
import { err, ok, type Result } from '../../util/result';
import { defineOperation, type OperationContext, type PlanResult } from '../operation';
import { readAdjudication, type AdjudicationRead } from '../queries/adjudication-scope';
import { isPlaceholder } from '../queries/agreement-input';
import { unitFor, unitId, unitsOfPost, type CodingUnit, type Span } from '../queries/coding-units';
import { acceptAll, acceptCoder, majorityOutcome, none, ownSpans, type UnitOutcome } from './consensus-outcomes';
import { ConsensusWriter, type AgreedCounts } from './consensus-writer';
import { excerpt } from './excerpt';

export interface DecideInput {
  postId: string;
  codeId: string;
  /** The round the disagreement was raised in (null or absent: none). */
  roundId?: string | null;
  memo: string;
  outcome: DecisionOutcome;
  /** accept: whose codings. */
  coderId?: string;
  /** adjust, add: the adjudicator's spans (code points, end exclusive). */
  spans?: readonly Span[];
}

interface DecideSnapshot {
  read: Result<AdjudicationRead, Problem>;
  post: Post | undefined;
}

const plural = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** Decides one (post, code): deciding again replaces the decision and its consensus codings. */
export const decideDisagreement = defineOperation<DecideInput, DecideSnapshot, Decision>({
  kind: 'consensus.decide',
  async read(reader, input) {
    const [read, posts] = await Promise.all([readAdjudication(reader, { roundId: input.roundId ?? null, postIds: [input.postId] }), reader.posts([input.postId])]);
    return { read, post: posts.get(input.postId) };
  },
  plan({ read, post }, input, context) {
    const record = `decision ${unitId(input.postId, input.codeId)}`;
    const roundId = input.roundId ?? null;
    if (!read.ok) return err({ record, field: 'roundId', message: `round ${roundId} does not exist` });
    const blind = blindProject(read.value);
    if (blind) return err(blind);
    if (!post) return err({ record, field: 'postId', message: `post ${input.postId} does not exist` });
    if (isPlaceholder(post)) return err({ record, field: 'postId', message: 'the post is a placeholder for one missing from the thread: there is nothing to decide' });
    if (!read.value.posts.some((p) => p.id === post.id)) return err({ record, field: 'roundId', message: `post ${post.id} is not one of the round's posts` });
    const code = read.value.codes.find((c) => c.id === input.codeId);
    if (!code) return err({ record, field: 'codeId', message: `code ${input.codeId} does not exist` });
    if (!code.codable) return err({ record, field: 'codeId', message: `“${code.name}” is category-only: nothing can be coded with it` });
    const unit = unitFor(read.value.scope, post, read.value.codingsByPost.get(post.id) ?? [], code.id);
    const outcome = outcomeOf(unit, input, record);
    if (!outcome.ok) return outcome;
    const writer = new ConsensusWriter(read.value, context);
    const decision = writer.decide(unit, outcome.value, { roundId, memo: input.memo, proposed: false });
    const changes = writer.changes();
    if (!changes.ok) return changes;
    const coderName = (id: string): string => read.value.allCoders.find((c) => c.id === id)?.name ?? id;
    const words: Record<DecisionOutcome, string> = {
      accept: `accepted ${decision.acceptedCoderIds.map(coderName).join(', ')}`,
      both: 'kept every coder’s spans',
      none: 'not coded',
      adjust: `adjusted to ${plural(decision.consensusCodingIds.length, 'span')}`,
      add: `added ${plural(decision.consensusCodingIds.length, 'span')}`,
    };
    return ok({ summary: `Decided “${code.name}” on “${excerpt(post.text)}”: ${words[decision.outcome]}`, changes: changes.value, result: decision });
  },
});

/** The adjudicator's choice as spans, or what is wrong with it, by field. */
function outcomeOf(unit: CodingUnit, input: DecideInput, record: string): Result<UnitOutcome, Problem> {
  const spans = input.spans ?? [];
  const ownsSpans = input.outcome === 'adjust' || input.outcome === 'add';
  if (!ownsSpans && spans.length > 0) return err({ record, field: 'spans', message: `only adjust and add take spans, not ${input.outcome}` });
  if (input.outcome !== 'accept' && input.coderId !== undefined) return err({ record, field: 'coderId', message: `only accept takes a coder, not ${input.outcome}` });
  const applied = unit.codings.some((list) => list.length > 0);
  switch (input.outcome) {
    case 'accept': {
      if (input.coderId === undefined) return err({ record, field: 'coderId', message: 'accept needs the coder whose codings are accepted' });
      const accepted = input.coderId === CONSENSUS_CODER_ID ? null : acceptCoder(unit, input.coderId);
      return accepted ? ok(accepted) : err({ record, field: 'coderId', message: `coder ${input.coderId} is not one of the coders assigned post ${unit.post.id}` });
    }
    case 'both':
      return ok(acceptAll(unit));
    case 'none':
      return ok(none());
    case 'adjust':
    case 'add': {
      if (spans.length === 0) return err({ record, field: 'spans', message: `${input.outcome} needs the spans to code` });
      const length = codePointLength(unit.post.text);
      const bad = spans.findIndex((s) => !(Number.isSafeInteger(s.start) && Number.isSafeInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= length));
      if (bad !== -1) {
        const s = spans[bad]!;
        return err({ record, field: `spans.${bad}`, message: `range ${s.start}–${s.end} does not fit post ${unit.post.id} (length ${length}; need 0 ≤ start < end ≤ length)` });
      }
      if (input.outcome === 'add' && applied) return err({ record, field: 'outcome', message: 'coders applied this code here: adjust their spans instead of adding' });
      if (input.outcome === 'adjust' && !applied) return err({ record, field: 'outcome', message: 'no coder applied this code here: add it instead of adjusting' });
      return ok(ownSpans(unit, input.outcome, spans));
    }
    default: {
      const unknown: never = input.outcome;
      return err({ record, field: 'outcome', message: `unknown outcome ${String(unknown)}` });
    }
  }
}

export interface RuleSummary {
  /** Disagreements the rule decided (proposed, for proposeMajority). */
  decided: number;
  /** Disagreements it could not settle (a tie, too few coders, the coder not assigned the post). */
  left: number;
  /** Disagreements already decided that the rule leaves as they are (for a rule: confirmed decisions). */
  kept: number;
  agreed: AgreedCounts;
}

export type ConsensusRule = { kind: 'majority' } | { kind: 'coder'; coderName: string };

type RuleSnapshot = Result<AdjudicationRead, Problem>;

/**
 * Each open disagreement a strict majority of its (three or more) coders settles becomes a
 * proposed decision, whose consensus codings exist (an export shows them) until it is reviewed:
 * confirming is deciding again. Disagreements with any decision are left alone. Agreed units are
 * seeded in the same entry.
 */
export const proposeMajority = defineOperation<{ roundId: string }, RuleSnapshot, RuleSummary>({
  kind: 'consensus.propose',
  read: (reader, { roundId }) => readAdjudication(reader, { roundId }),
  plan(read, { roundId }, context) {
    const opened = openedRead(read, roundId);
    if (!opened.ok) return opened;
    const { scope, decisions } = opened.value;
    const round = scope.round!;
    if (round.coderIds.length < 3) return err({ record: `round “${round.name}”`, field: 'coderIds', message: `the majority rule needs three or more coders; the round has ${round.coderIds.length}` });
    return planRule(opened.value, context, {
      open: (unit) => !decisions.has(unit.id),
      outcome: majorityOutcome,
      fields: { roundId: round.id, memo: '', proposed: true },
      summary: (s) => `Proposed ${plural(s.decided, 'decision')} by the majority rule in “${round.name}”`,
    });
  },
});

/**
 * The CLI's rule over every disagreement without a confirmed decision (proposed ones are replaced):
 * the majority rule (as proposeMajority, but decided), or one coder's codings wherever that coder
 * was assigned the post. Agreed units are seeded in the same entry.
 */
export const applyConsensusRule = defineOperation<{ rule: ConsensusRule; roundId?: string | null }, RuleSnapshot, RuleSummary>({
  kind: 'consensus.rule',
  read: (reader, { roundId }) => readAdjudication(reader, { roundId: roundId ?? null }),
  plan(read, { rule, roundId }, context) {
    const opened = openedRead(read, roundId);
    if (!opened.ok) return opened;
    const { scope, decisions } = opened.value;
    let outcome: (unit: CodingUnit) => UnitOutcome | null = majorityOutcome;
    let memo = 'majority rule';
    if (rule.kind === 'coder') {
      const wanted = rule.coderName.trim().toLowerCase();
      const coder = scope.coders.find((c) => c.id === rule.coderName || c.name.trim().toLowerCase() === wanted);
      if (!coder) {
        const among = scope.round ? ` among the coders of “${scope.round.name}”` : '';
        const why = wanted === CONSENSUS_CODER_NAME ? 'the consensus layer is what the rule writes, not a coder to follow' : `no coder “${rule.coderName}”${among} (coders: ${scope.coders.map((c) => c.name).join(', ') || 'none'})`;
        return err({ record: 'consensus', field: 'rule', message: why });
      }
      outcome = (unit) => acceptCoder(unit, coder.id);
      memo = `coder rule: ${coder.name}`;
    }
    return planRule(opened.value, context, {
      open: (unit) => decisions.get(unit.id)?.proposed !== false,
      outcome,
      fields: { roundId: null, memo, proposed: false },
      roundOf: (unit) => scope.roundOf(unit.post.id),
      summary: (s) => `Decided ${plural(s.decided, 'disagreement')} by the ${memo}`,
    });
  },
});

/** Brings the consensus layer's agreed units up to date with the coders (decided units aside). */
export const seedConsensusAgreements = defineOperation<{ roundId?: string | null }, RuleSnapshot, AgreedCounts>({
  kind: 'consensus.agreed',
  read: (reader, { roundId }) => readAdjudication(reader, { roundId: roundId ?? null }),
  plan(read, { roundId }, context) {
    const opened = openedRead(read, roundId);
    if (!opened.ok) return opened;
    const writer = new ConsensusWriter(opened.value, context);
    const agreed = writer.seedAgreements();
    const changes = writer.changes();
    if (!changes.ok) return changes;
    return ok({ summary: `Consensus layer: ${agreedWords(agreed)}`, changes: changes.value, result: agreed });
  },
});

/** A blind coder project holds one coder's layer: there is nothing to adjudicate in it. */
function blindProject(read: AdjudicationRead): Problem | null {
  const pkg = read.project?.package;
  return pkg ? { record: 'project', field: 'package', message: `is ${pkg.coderName}'s package of “${pkg.roundName}”: adjudication happens in the lead's project` } : null;
}

function openedRead(read: RuleSnapshot, roundId: string | null | undefined): Result<AdjudicationRead, Problem> {
  if (!read.ok) return err({ record: `round ${roundId}`, field: 'id', message: 'the round does not exist' });
  const blind = blindProject(read.value);
  return blind ? err(blind) : read;
}

interface RulePlan {
  open(unit: CodingUnit): boolean;
  outcome(unit: CodingUnit): UnitOutcome | null;
  fields: { roundId: string | null; memo: string; proposed: boolean };
  roundOf?(unit: CodingUnit): string | null;
  summary(s: RuleSummary): string;
}

function planRule(read: AdjudicationRead, context: OperationContext, plan: RulePlan): PlanResult<RuleSummary> {
  const writer = new ConsensusWriter(read, context);
  let decided = 0;
  let left = 0;
  let kept = 0;
  for (const post of read.posts) {
    for (const unit of unitsOfPost(read.scope, post, read.codingsByPost.get(post.id) ?? [])?.units ?? []) {
      if (unit.agreed) continue;
      if (!plan.open(unit)) {
        kept++;
        continue;
      }
      const outcome = plan.outcome(unit);
      if (!outcome) {
        left++;
        continue;
      }
      writer.decide(unit, outcome, { ...plan.fields, roundId: plan.roundOf?.(unit) ?? plan.fields.roundId });
      decided++;
    }
  }
  const agreed = writer.seedAgreements();
  const changes = writer.changes();
  if (!changes.ok) return changes;
  const result: RuleSummary = { decided, left, kept, agreed };
  return ok({ summary: `${plan.summary(result)} (${plural(left, 'disagreement')} left; ${agreedWords(agreed)})`, changes: changes.value, result });
}

const agreedWords = (a: AgreedCounts): string => `${plural(a.units, 'agreed unit')}, ${plural(a.added, 'coding')} added, ${plural(a.removed, 'coding')} removed`;
