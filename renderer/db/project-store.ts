/**
 * The app's data layer as features see it: the one entry point renderer/features may import from
 * renderer/db (lint-enforced). Everything here runs the application core (shared/project/) over
 * Dexie; features never touch tables.
 */
export { DexieProjectStore, POST_WRITE_BATCH } from './dexie-project-store';
export { followJournalPatched } from './follow-journal-patched';
export { currentActor, runInProject, storeOf, type RunDeps } from './run-in-project';
export { openThreadmarkDB, type ThreadmarkDB } from './database';
export { searchCacheDbName } from './search-cache-name';
export { APP_ACTOR, bundleFileBytes, exportBundle, importBundle, readBundleFile, type BundleReadLimits, type ImportSummary } from './bundle-io';
export { applyCoderLayer, planCoderFile, type CoderLayerSummary } from './coder-layer-import';
export { locatePosts, storedPlatformIds, writeImport } from './import-writer';
export { runCodebookOperation, type CodebookDeps, type CodebookOperation, type CodebookResult } from './repositories/codebook-write';
export { addCoding, CodingRefusedError, removeCoding, revertJournalEntry, updateMemo } from './repositories/codings-repository';
export { coderIdPolicy, deviceIdOf, forgetConnection, readConnection, saveConnection, syncProgressOf, type SyncConnection } from './sync-state';
