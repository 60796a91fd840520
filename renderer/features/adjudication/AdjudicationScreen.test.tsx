import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import type { Code, Coding, Decision, Post, Round } from '@shared/model/records';

import { NO_FILTER } from './adjudication-model';
import { AdjudicationScreen, type DetailProps } from './AdjudicationScreen';
import type { Disagreement } from './core-contract';
import { DisagreementDetail } from './DisagreementDetail';

const AT = '2025-03-10T12:00:00.000Z';
const code: Code = {
  id: 'c-what',
  name: 'Whataboutism',
  parentId: null,
  color: '#e4572e',
  order: 0,
  definition: '',
  inclusion: '',
  exclusion: '',
  examples: [],
  exemplarCodingIds: [],
  shortcut: '1',
  codable: true,
  retired: false,
};
const post: Post = { id: 'p-1', threadId: 't-1', parentId: null, author: 'quietlantern', createdAt: AT, text: 'Men are victims too, they say.', platform: 'reddit', platformId: null, url: null, meta: {} };
const coding = (coderId: string): Coding => ({ id: `k-${coderId}`, postId: 'p-1', threadId: 't-1', codeId: 'c-what', coderId, start: 0, end: 19, quote: 'Men are victims too', memo: '', createdAt: AT, updatedAt: AT });
const round: Round = { id: 'r-1', number: 1, name: 'Round 1', createdAt: AT, codebookVersionId: 'v-1', coderIds: ['u-ada', 'u-ben', 'u-cy'], postIds: ['p-1'], sample: null, instructions: '' };
const proposal: Decision = {
  id: 'p-1|c-what',
  postId: 'p-1',
  codeId: 'c-what',
  roundId: 'r-1',
  outcome: 'accept',
  acceptedCoderIds: ['u-ada', 'u-ben'],
  consensusCodingIds: ['k-consensus'],
  memo: '',
  decidedBy: 'u-lea',
  decidedAt: AT,
  proposed: true,
};
const disagreement: Disagreement = {
  id: 'p-1|c-what',
  postId: 'p-1',
  threadId: 't-1',
  codeId: 'c-what',
  roundId: 'r-1',
  coders: [
    { coderId: 'u-ada', coderName: 'Ada', codings: [coding('u-ada')], otherCodeIds: [] },
    { coderId: 'u-ben', coderName: 'Ben', codings: [coding('u-ben')], otherCodeIds: [] },
    { coderId: 'u-cy', coderName: 'Cy', codings: [], otherCodeIds: [] },
  ],
  decision: proposal,
};

const Detail = (props: DetailProps) => <DisagreementDetail {...props} ancestors={[]} consensus={[]} />;
const noop = () => {};

function render(disagreements: Disagreement[] | undefined, rounds: Round[] = [round], blindCoders?: boolean): string {
  return renderToStaticMarkup(
    <AdjudicationScreen
      disagreements={disagreements}
      filter={NO_FILTER}
      onFilterChange={noop}
      rounds={rounds}
      codes={[code]}
      postsById={new Map([[post.id, post]])}
      Detail={Detail}
      decide={() => Promise.resolve(true)}
      proposeMajority={() => Promise.resolve()}
      exportConsensus={noop}
      announce={noop}
      blindCoders={blindCoders}
      onBlindCodersChange={blindCoders === undefined ? undefined : noop}
    />,
  );
}

describe('AdjudicationScreen', () => {
  it('shows a majority proposal to review, with the key that confirms it and each coder’s key', () => {
    const html = render([disagreement]);
    expect(html).toContain('role="listbox"');
    expect(html).toContain('aria-valuetext="0 of 1 decided, 1 proposed"');
    expect(html).toContain('Pre-decide by majority');
    expect(html).toContain('proposed — review: accept Ada, Ben');
    expect(html).toMatch(/aria-keyshortcuts="Enter"[^>]*>.*Confirm proposal/);
    expect(html).toMatch(/aria-keyshortcuts="3"[^>]*>.*Accept <bdi>Cy<\/bdi>/);
    expect(html).toContain('<bdi>Cy</bdi><span class="muted"> — did not apply');
    expect(html).toContain('Export consensus CSV');
  });

  it('offers the majority rule only when a round has three or more coders', () => {
    expect(render([disagreement], [{ ...round, coderIds: ['u-ada', 'u-ben'] }])).not.toContain('Pre-decide by majority');
    expect(render([disagreement], [])).not.toContain('Pre-decide by majority');
    expect(render([disagreement], [round, { ...round, id: 'r-2', number: 2, name: 'Round 2' }])).toContain('title="Choose a round of three or more coders first"');
  });

  it('says when there is nothing to adjudicate, and while it reads', () => {
    expect(render([])).toContain('No disagreements: add coder files');
    expect(render(undefined)).toContain('Reading the disagreements');
  });

  it('blind: offers the option, and shows Coder A, B, C everywhere until the disagreement is decided', () => {
    const html = render([disagreement], [round], true).replaceAll('<!-- -->', '');
    expect(html).toMatch(/<input type="checkbox" checked=""[^>]*\/>Hide coder names until decided/);
    for (const name of ['Ada', 'Ben', 'Cy']) expect(html).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(html).toMatch(/aria-keyshortcuts="1"[^>]*>.*Accept <bdi>Coder A<\/bdi>/);
    expect(html).toMatch(/Coder [ABC]<\/bdi><span class="muted"> — did not apply/);
    expect(html).toMatch(/proposed — review: accept Coder [ABC], Coder [ABC]/);
    const decided = render([{ ...disagreement, decision: { ...proposal, proposed: false } }], [round], true);
    expect(decided).toContain('decided: accept');
    for (const name of ['Ada', 'Ben', 'Cy']) expect(decided).toContain(`Accept <bdi>${name}</bdi>`);
    expect(decided).not.toMatch(/Accept <bdi>Coder|Coder [ABC]<\/bdi><span/);
  });

  it('not blind: the option is off and the names show', () => {
    const html = render([disagreement], [round], false);
    expect(html).toMatch(/<input type="checkbox"\/>Hide coder names until decided/);
    expect(html).toContain('Accept <bdi>Ada</bdi>');
    expect(render([disagreement])).not.toContain('Hide coder names');
  });
});
