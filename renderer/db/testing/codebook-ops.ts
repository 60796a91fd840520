/**
 * The core's codebook operations and reads, run through the app's Dexie adapter with the call
 * shapes the tests use: what the app's features do through runCodebookOperation and storeOf.
 */
import type { CodebookVersion, Code } from '@shared/model/records';
import type { Problem } from '@shared/problem/problem';
import { setExemplar as setExemplarOp } from '@shared/project/operations/codings';
import {
  addCode as addCodeOp,
  deleteCode as deleteCodeOp,
  editCode,
  mergeCodes as mergeOp,
  moveCode as moveOp,
  nameVersion as nameVersionOp,
  previewMerge as previewMergeQuery,
  previewSplit as previewSplitQuery,
  splitCode as splitOp,
  type CodePatch,
  type KeyboardMove,
  type NewCode,
  type NewSplitCode,
} from '@shared/project/operations/codebook';
import { applyCodebookImport as applyOp, type CodebookImportInput } from '@shared/project/operations/codebook-import';
import { codebookChangeLog, codebookInTreeOrder, codingCountsOfCodes, codingsUnderCode, versionsNewestFirst } from '@shared/project/queries/codebook-reads';
import { codebookChanges } from '@shared/project/queries/codebook-changes';
import { ok, type Result } from '@shared/util/result';

import type { ThreadmarkDB } from '../database';
import { runCodebookOperation, type CodebookDeps, type CodebookResult } from '../repositories/codebook-write';
import { runInProject, storeOf } from '../run-in-project';

export type CodebookImportPlan = CodebookImportInput;

export const addCode = (db: ThreadmarkDB, input: NewCode, deps: CodebookDeps): Promise<CodebookResult> => runCodebookOperation(db, deps, addCodeOp, input);
export const updateCode = (db: ThreadmarkDB, codeId: string, patch: CodePatch, deps: CodebookDeps): Promise<CodebookResult> =>
  runCodebookOperation(db, deps, editCode, { codeId, patch });
export const deleteCode = (db: ThreadmarkDB, codeId: string, deps: CodebookDeps): Promise<CodebookResult> => runCodebookOperation(db, deps, deleteCodeOp, { codeId });
export const moveCode = (db: ThreadmarkDB, codeId: string, parentId: string | null, index: number, deps: CodebookDeps): Promise<CodebookResult> =>
  runCodebookOperation(db, deps, moveOp, { codeId, to: { parentId, index } });
export const moveCodeByKey = (db: ThreadmarkDB, codeId: string, key: KeyboardMove, deps: CodebookDeps): Promise<CodebookResult> =>
  runCodebookOperation(db, deps, moveOp, { codeId, key });
export const mergeCodes = (db: ThreadmarkDB, sourceCodeIds: readonly string[], targetCodeId: string, deps: CodebookDeps): Promise<CodebookResult> =>
  runCodebookOperation(db, deps, mergeOp, { sourceCodeIds, targetCodeId });
export const splitCode = (db: ThreadmarkDB, sourceCodeId: string, chosenCodingIds: readonly string[], newCode: NewSplitCode, deps: CodebookDeps): Promise<CodebookResult> =>
  runCodebookOperation(db, deps, splitOp, { sourceCodeId, chosenCodingIds, newCode });
export const setExemplar = (db: ThreadmarkDB, codingId: string, on: boolean, deps: CodebookDeps): Promise<CodebookResult> => runCodebookOperation(db, deps, setExemplarOp, { codingId, on });
export const applyCodebookImport = (db: ThreadmarkDB, plan: CodebookImportPlan, deps: CodebookDeps): Promise<CodebookResult> => runCodebookOperation(db, deps, applyOp, plan);

export const previewMerge = (db: ThreadmarkDB, sourceCodeIds: readonly string[], targetCodeId: string) =>
  storeOf(db).read((reader) => previewMergeQuery(reader, { sourceCodeIds, targetCodeId }));
export const previewSplit = (db: ThreadmarkDB, sourceCodeId: string, chosenCodingIds: readonly string[], newCode: NewSplitCode) =>
  storeOf(db).read((reader) => previewSplitQuery(reader, { sourceCodeId, chosenCodingIds, newCode }));

export async function nameVersion(db: ThreadmarkDB, name: string, deps: CodebookDeps): Promise<Result<CodebookVersion, Problem>> {
  const result = await runInProject(db, nameVersionOp, { name }, deps);
  return result.ok ? ok(result.value.result) : result;
}

export const listCodes = (db: ThreadmarkDB): Promise<Code[]> => storeOf(db).read(codebookInTreeOrder);
export const codingCountsByCode = (db: ThreadmarkDB) => storeOf(db).read(codingCountsOfCodes);
export const countCodingsOfCode = (db: ThreadmarkDB, codeId: string) => storeOf(db).read((reader) => codingsUnderCode(reader, codeId));
export const listVersions = (db: ThreadmarkDB) => storeOf(db).read(versionsNewestFirst);
export const getVersion = async (db: ThreadmarkDB, id: string) => (await storeOf(db).read((reader) => reader.versions())).find((v) => v.id === id);
export const listChanges = (db: ThreadmarkDB, filter: { codeId?: string } = {}) => storeOf(db).read((reader) => codebookChangeLog(reader, filter));
export const changesOfOperation = async (db: ThreadmarkDB, entryId: string) => {
  const entry = await storeOf(db).read((reader) => reader.journalEntry(entryId));
  return entry ? codebookChanges([entry]) : [];
};
