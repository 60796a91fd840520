import { describe, expect, it } from 'vitest';

import { buildZip } from '../codebook/refi/zip.test-helpers';
import { MemoryProjectStore } from '../project/memory-store';
import { importQdpx } from '../project/operations/qdpx-import';
import { projectBundle } from '../project/queries/project-bundle';
import { applied, runner } from '../project/testing/core-fixtures.test-helpers';
import { prepareQdpxImport } from './prepare-qdpx-import';
import { reportLines } from './qdpx-report';

const AT = '2026-01-01T00:00:00.000Z';
const APP = { name: 'Threadmark', version: 'test' };
const g = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [USER, CODE, SRC_A, SRC_B] = [g(1), g(2), g(3), g(4)];
const [S1, S2, S3, S4, S5] = [g(11), g(12), g(13), g(14), g(15)];
const [L1, L2, L3, L4] = [g(21), g(22), g(23), g(24)];
const [V_REGION, V_CONSENT, V_WAVE, V_SCORE, V_DATE, V_STAMP, V_RESERVED] = [g(31), g(32), g(33), g(34), g(35), g(36), g(37)];
const [N_PROJECT, N_FREE, N_CODE, N_SOURCE, N_SELECTION, N_LINK, N_CODING] = [g(41), g(42), g(43), g(44), g(45), g(46), g(47)];

const value = (variable: string, element: string, text: string): string => `<VariableValue><VariableRef targetGUID="${variable}"/><${element}>${text}</${element}></VariableValue>`;
const note = (guid: string, text: string, user = ''): string => `<Note guid="${guid}" name="n"${user ? ` creatingUser="${user}"` : ''} creationDateTime="2024-05-01T10:00:00Z"><PlainTextContent>${text}</PlainTextContent></Note>`;

/** A project as another tool might write it: typed variables on sources and cases, links, notes hung everywhere. */
const QDE = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Field study" origin="MAXQDA 2022">
  <Users><User guid="${USER}" name="Mia"/></Users>
  <CodeBook><Codes><Code guid="${CODE}" name="Claim" isCodable="true"><NoteRef targetGUID="${N_CODE}"/></Code></Codes></CodeBook>
  <Variables>
    <Variable guid="${V_REGION}" name="Region" typeOfVariable="Text"/>
    <Variable guid="${V_CONSENT}" name="Consent" typeOfVariable="Boolean"/>
    <Variable guid="${V_WAVE}" name="Wave" typeOfVariable="Integer"/>
    <Variable guid="${V_SCORE}" name="Score" typeOfVariable="Float"/>
    <Variable guid="${V_DATE}" name="Collected" typeOfVariable="Date"/>
    <Variable guid="${V_STAMP}" name="Stamp" typeOfVariable="DateTime"/>
    <Variable guid="${V_RESERVED}" name="thread" typeOfVariable="Text"/>
  </Variables>
  <Cases>
    <Case guid="${g(51)}" name="Group A">${value(V_CONSENT, 'BooleanValue', '1')}${value(V_WAVE, 'IntegerValue', '3')}${value(V_SCORE, 'FloatValue', '2.5')}${value(V_DATE, 'DateValue', '2024-02-29')}<SourceRef targetGUID="${SRC_A}"/><SourceRef targetGUID="${SRC_B}"/></Case>
    <Case guid="${g(52)}" name="Nobody">${value(V_WAVE, 'IntegerValue', '4')}</Case>
    <Case guid="${g(53)}" name="By selection">${value(V_REGION, 'TextValue', 'South')}<SelectionRef targetGUID="${S4}"/></Case>
    <Case guid="${g(54)}" name="Bad">${value(V_WAVE, 'IntegerValue', 'many')}<SourceRef targetGUID="${SRC_A}"/></Case>
    <Case guid="${g(55)}" name="Late">${value(V_WAVE, 'IntegerValue', '5')}<SourceRef targetGUID="${SRC_A}"/></Case>
  </Cases>
  <Sources>
    <TextSource guid="${SRC_A}" name="Interview A" plainTextPath="internal://a.txt">
      <PlainTextSelection guid="${S1}" startPosition="0" endPosition="5" creatingUser="${USER}" creationDateTime="2024-05-02T10:00:00Z"/>
      <PlainTextSelection guid="${S2}" startPosition="12" endPosition="22"><NoteRef targetGUID="${N_SELECTION}"/></PlainTextSelection>
      <PlainTextSelection guid="${S3}" startPosition="8" endPosition="14"/>
      <NoteRef targetGUID="${N_SOURCE}"/>
      ${value(V_REGION, 'TextValue', 'North')}${value(V_STAMP, 'DateTimeValue', '2024-01-02T03:04:05Z')}
    </TextSource>
    <TextSource guid="${SRC_B}" name="Interview B" plainTextPath="internal://b.txt">
      <PlainTextSelection guid="${S4}" startPosition="0" endPosition="5"/>
      <PlainTextSelection guid="${S5}" startPosition="0" endPosition="5"><Coding guid="${g(61)}" creatingUser="${USER}"><CodeRef targetGUID="${CODE}"/><NoteRef targetGUID="${N_CODING}"/></Coding></PlainTextSelection>
      ${value(V_RESERVED, 'TextValue', 'x')}
    </TextSource>
  </Sources>
  <Notes>${note(N_PROJECT, 'About the study', USER)}${note(N_FREE, 'A loose memo')}${note(N_CODE, 'Use for claims', USER)}${note(N_SOURCE, 'Long interview', USER)}${note(N_SELECTION, 'Key answer', USER)}${note(N_LINK, 'Because', USER)}${note(N_CODING, 'Coding memo', USER)}</Notes>
  <Links>
    <Link guid="${L1}" name="answers" direction="OneWay" color="#FF0000" originGUID="${S1}" targetGUID="${S2}"><NoteRef targetGUID="${N_LINK}"/></Link>
    <Link guid="${L2}" name="answers" originGUID="${S1}" targetGUID="${S4}"/>
    <Link guid="${L3}" name="about" originGUID="${S1}" targetGUID="${CODE}"/>
    <Link guid="${L4}" name="about" originGUID="${S3}" targetGUID="${S1}"/>
  </Links>
  <NoteRef targetGUID="${N_PROJECT}"/>
</Project>`;

async function prepared() {
  const zip = buildZip([{ name: 'project.qde', data: QDE }, { name: 'sources/a.txt', data: 'First para\n\nSecond one\n' }, { name: 'sources/b.txt', data: 'Other doc' }]);
  const result = await prepareQdpxImport(zip, 'field.qdpx', { split: 'paragraph', at: AT, app: APP });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('a .qdpx from another tool: variables, cases, links and notes', () => {
  it('makes typed thread attributes from variables on sources and on cases linked to sources or selections', async () => {
    const { bundle, report } = await prepared();
    const threadOf = new Map(bundle.threads.map((t) => [t.title, t.id]));
    const [a, b] = [threadOf.get('Interview A')!, threadOf.get('Interview B')!];
    expect(bundle.attributes!.map((x) => [x.scope, x.name, x.type])).toEqual([
      ['thread', 'Region', 'text'],
      ['thread', 'Consent', 'text'],
      ['thread', 'Wave', 'number'],
      ['thread', 'Score', 'number'],
      ['thread', 'Collected', 'date'],
      ['thread', 'Stamp', 'text'],
      // "thread" is a platform attribute of every thread: the variable gets a free name.
      ['thread', 'thread (2)', 'text'],
    ]);
    const nameOf = new Map(bundle.attributes!.map((x) => [x.id, x.name]));
    const values = bundle.attributeValues!.map((v) => `${nameOf.get(v.attributeId)}|${v.subject === a ? 'A' : v.subject === b ? 'B' : v.subject}|${v.value}`).sort();
    expect(values).toEqual(['Collected|A|2024-02-29', 'Collected|B|2024-02-29', 'Consent|A|true', 'Consent|B|true', 'Region|A|North', 'Region|B|South', 'Score|A|2.5', 'Score|B|2.5', 'Stamp|A|2024-01-02T03:04:05Z', 'Wave|A|3', 'Wave|B|3', 'thread (2)|B|x']);
    expect(bundle.attributeValues!.find((v) => nameOf.get(v.attributeId) === 'Wave')!.value).toBe(3);
    const warnings = report.warnings.map((w) => `${w.record}: ${w.message}`);
    expect(warnings).toEqual([
      expect.stringMatching(/^case “Nobody”: the case names no imported source/),
      expect.stringMatching(/^case “Bad”: "many" is not a valid Integer value/),
      expect.stringMatching(/^case “Late”: a second value "5" .* the first, "3", is kept/),
    ]);
  });

  it('makes a relation of a link between two posts of one thread; lists every other link by GUID', async () => {
    const { bundle, report } = await prepared();
    const postOf = new Map(bundle.posts.map((p) => [p.text, p.id]));
    expect(bundle.relationCodes!.map((c) => [c.name, c.color])).toEqual([['answers', '#ff0000']]);
    expect(bundle.relations).toEqual([
      expect.objectContaining({ id: L1, relationCodeId: bundle.relationCodes![0]!.id, from: { postId: postOf.get('First para'), start: 0, end: 5, quote: 'First' }, to: { postId: postOf.get('Second one') }, memo: 'Because', createdAt: '2024-05-02T10:00:00.000Z' }),
    ]);
    expect(bundle.coders.find((c) => c.id === bundle.relations![0]!.coderId)!.name).toBe('Mia');
    expect(report.unplacedLinks).toEqual([
      { guid: L2, name: 'answers', reason: 'its ends are in different threads' },
      { guid: L3, name: 'about', reason: expect.stringMatching(/not a text selection or text source/) },
      { guid: L4, name: 'about', reason: `selection ${S3} crosses 2 posts` },
    ]);
    expect(reportLines(report).filter((l) => l.startsWith('link '))).toHaveLength(3);
  });

  it('hangs each note where it was: project, code, thread, post; a note nothing refers to is a project memo', async () => {
    const { bundle } = await prepared();
    const mia = bundle.coders.find((c) => c.name === 'Mia')!.id;
    const where = (m: { target: { kind: string; id: string }; coderId: string; text: string }) => `${m.target.kind}|${m.coderId === mia ? 'Mia' : 'other'}|${m.text}`;
    const postOf = new Map(bundle.posts.map((p) => [p.id, p.text]));
    expect(bundle.memos!.map(where).sort()).toEqual(['code|Mia|Use for claims', 'post|Mia|Key answer', 'project|Mia|About the study', 'project|other|A loose memo', 'thread|Mia|Long interview']);
    expect(postOf.get(bundle.memos!.find((m) => m.target.kind === 'post')!.target.id)).toBe('Second one');
    expect(bundle.memos!.find((m) => m.target.kind === 'code')!.target.id).toBe(CODE);
    expect(bundle.codings.map((c) => c.memo)).toEqual(['Coding memo']);
  });

  it('is stored whole by the core import, its rules satisfied', async () => {
    const store = new MemoryProjectStore();
    applied(await runner(store)(importQdpx, { ...(await prepared()), source: 'field.qdpx' }));
    const back = await store.read((r) => projectBundle(r, { exportedAt: AT, app: APP }));
    if (!back.ok) throw new Error(back.error.message);
    expect([back.value.attributes?.length, back.value.attributeValues?.length, back.value.memos?.length, back.value.relationCodes?.length, back.value.relations?.length]).toEqual([7, 12, 5, 1, 1]);
  });
});
