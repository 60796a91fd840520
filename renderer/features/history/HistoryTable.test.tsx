import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import type { JournalEntry } from '@shared/project/journal-entry';

import { HistoryFilters } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';
import { NO_FILTER } from './history-filter';

const coded: JournalEntry = {
  id: 'e-5',
  seq: 5,
  at: '2025-03-10T12:00:00.000Z',
  actorId: 'coder-ada',
  actorName: 'Ada',
  operation: 'coding.add',
  summary: 'Coded “What about the men” as “Whataboutism”',
  changes: [{ table: 'codings', id: 'k-1', before: null, after: null }],
  addedPosts: [],
  reverts: null,
};
const reverted: JournalEntry = { ...coded, id: 'e-6', seq: 6, actorId: 'coder-ben', actorName: 'Ben', operation: 'revert', summary: `Reverted: ${coded.summary}`, reverts: 'e-5' };

const rows = (html: string) => html.split('<tr').slice(2);

describe('HistoryTable', () => {
  const html = renderToStaticMarkup(
    <HistoryTable
      entries={[reverted, coded]}
      byId={new Map([[coded.id, coded], [reverted.id, reverted]])}
      revertedBy={new Map([[coded.id, reverted]])}
      reverting={null}
      onRevert={() => {}}
    />,
  );

  it('is a table with a caption and column headers', () => {
    expect(html).toMatch(/^<table class="history-table"><caption[^>]*>Changes to the project, newest first<\/caption>/);
    for (const header of ['When', 'Who', 'Change', 'Summary', 'Records']) expect(html).toContain(`<th scope="col">${header}</th>`);
    expect(html).toContain('<span class="visually-hidden">Actions</span>');
  });

  it('shows each entry in words, newest first, with a Revert button named for it', () => {
    const [first, second] = rows(html);
    expect(first).toContain('<td><bdi>Ben</bdi></td>');
    expect(first).toContain('Reverted');
    expect(first).toContain('Reverts #5<');
    expect(first).toContain('aria-label="Revert #6: Reverted"');
    expect(second).toContain('<td class="nowrap">Coded</td>');
    expect(second).toContain('1 coding added');
    expect(second).toContain('Reverted by #6');
    expect(second).toContain('<time dateTime="2025-03-10T12:00:00.000Z"');
    expect(second).toContain('>Revert</button>');
  });

  it('marks every button unavailable while one revert runs', () => {
    const busy = renderToStaticMarkup(<HistoryTable entries={[reverted, coded]} byId={new Map()} revertedBy={new Map()} reverting="e-5" onRevert={() => {}} />);
    expect(busy.match(/aria-disabled="true"/g)).toHaveLength(2);
    expect(busy).toContain('>Reverting…</button>');
    expect(busy).toContain('Reverts an entry that is no longer in the journal');
  });
});

describe('HistoryFilters', () => {
  it('labels every field and offers coders and kinds', () => {
    const html = renderToStaticMarkup(<HistoryFilters filter={NO_FILTER} onChange={() => {}} actors={[{ id: 'coder-ada', name: 'Ada' }]} />);
    expect(html).toContain('role="search"');
    for (const label of ['Coder', 'Change', 'Record', 'From', 'To']) {
      const id = new RegExp(`<label for="([^"]+)">${label}</label>`).exec(html)?.[1];
      expect(id, label).toBeDefined();
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain('<option value="coder-ada">Ada</option>');
    expect(html).toContain('<option value="code.merge">Merged codes</option>');
    expect(html).toMatch(/<button type="button" class="history-clear" disabled="">Clear filters<\/button>/);
  });
});
