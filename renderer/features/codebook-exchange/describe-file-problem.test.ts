import { describe, expect, it } from 'vitest';

import { describeFileProblem } from './describe-file-problem';

describe('describeFileProblem', () => {
  it('names file, line and element (with its field) in a REFI-QDA file', () => {
    expect(describeFileProblem({ file: 'team.qdc', line: 4, record: 'Codes/Code[2]', field: 'guid', message: 'the code has no GUID' }, 'qdc')).toBe(
      'team.qdc (line 4, element Codes/Code[2], field guid): the code has no GUID',
    );
    expect(describeFileProblem({ file: 'evil.qdc', line: 2, message: 'the file declares a DOCTYPE' }, 'qdc')).toBe('evil.qdc (line 2): the file declares a DOCTYPE');
  });

  it('tells an archive entry from an element of the project inside a .qdpx', () => {
    expect(describeFileProblem({ file: 'p.qdpx', record: '../evil.qde', message: 'unsafe entry name' }, 'qdpx')).toBe('p.qdpx (archive entry ../evil.qde): unsafe entry name');
    expect(describeFileProblem({ file: 'p.qdpx (project.qde)', line: 9, record: 'CodeBook/Codes/Code[1]', field: 'name', message: 'empty name' }, 'qdpx')).toBe(
      'p.qdpx (project.qde) (line 9, element CodeBook/Codes/Code[1], field name): empty name',
    );
  });

  it('names the line and column of a CSV', () => {
    expect(describeFileProblem({ file: 'codes.csv', line: 3, field: 'color', message: '"red" is not a colour' }, 'csv')).toBe('codes.csv (line 3, column color): "red" is not a colour');
  });
});
