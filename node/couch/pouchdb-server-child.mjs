/**
 * Runs pouchdb-server (its own argv: `--in-memory --host 127.0.0.1 --port P …`) for tests, tied to
 * the process that started it (node/couch/test-server.ts): when that process goes away, even by
 * SIGKILL, this one exits too, so no test server outlives a killed test run. Two signs, either is
 * enough: the IPC channel to the parent closes (the kernel closes it with the parent), or the
 * parent's pid stops answering signal 0. When THREADMARK_COUCH_OWN_CWD is set, the working
 * directory (a temp dir holding config.json and log.txt) is removed on the way out.
 */
import { readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import process from 'node:process';
import { setInterval } from 'node:timers';

const parentPid = Number(process.env.THREADMARK_COUCH_PARENT_PID);

function parentGone() {
  if (process.env.THREADMARK_COUCH_OWN_CWD === '1') {
    try {
      rmSync(process.cwd(), { recursive: true, force: true });
    } catch {
      // Best effort: the directory is in the system's temp dir.
    }
  }
  process.exit(0);
}

process.on('disconnect', parentGone);
// An orderly exit on stop() (SIGTERM), so `--cpu-prof` (THREADMARK_COUCH_NODE_ARGS) writes its profile.
process.on('SIGTERM', () => process.exit(0));
setInterval(() => {
  try {
    process.kill(parentPid, 0);
  } catch (e) {
    if (e.code !== 'EPERM') parentGone();
  }
}, 500).unref();

/*
 * pouchdb-validation (express-pouchdb's validate_doc_update) replaces the incoming document's
 * `_revisions` with the stored winner's before validating, and the document is then written with
 * them: a replicated update (`_bulk_docs` with `new_edits: false`) to a database that has a
 * validation function silently writes nothing, and a conflicting branch can never be created.
 * CouchDB keeps the incoming revisions. The module is loaded here with `validate` wrapped so that
 * the incoming `_revisions` are put back after validation; if its source ever changes, this fails
 * loudly instead of testing against a server that drops replicated edits.
 */
const require = createRequire(import.meta.url);
const requireFromExpressPouchdb = createRequire(createRequire(require.resolve('pouchdb-server/lib/index.js')).resolve('express-pouchdb'));
const validationFile = requireFromExpressPouchdb.resolve('pouchdb-validation');
const original = readFileSync(validationFile, 'utf8');
const signature = 'function validate(validationFuncs, newDoc, oldDoc, options) {\n  newDoc._revisions = (oldDoc || {})._revisions;';
if (!original.includes(signature)) throw new Error(`${validationFile} changed: the _revisions fix in ${import.meta.url} no longer applies`);
const patched = original.replace(
  'function validate(validationFuncs, newDoc, oldDoc, options) {',
  [
    'function validate(validationFuncs, newDoc, oldDoc, options) {',
    '  var incoming = newDoc._revisions;',
    '  try {',
    '    return validateKeepingNothing(validationFuncs, newDoc, oldDoc, options);',
    '  } finally {',
    '    if (incoming === undefined) delete newDoc._revisions;',
    '    else newDoc._revisions = incoming;',
    '  }',
    '}',
    'function validateKeepingNothing(validationFuncs, newDoc, oldDoc, options) {',
  ].join('\n'),
);

/*
 * Its second cost: for every document written, pouchdb-validation reads the database's design
 * documents (an `_all_docs` query) and compiles their validate_doc_update again, so a `_bulk_docs`
 * of 1,000 documents made 1,000 queries and 1,000 compilations. CouchDB compiles a design
 * document once per JavaScript process and reuses it until the design document's revision
 * changes, so caching here makes this stand-in more faithful, not less: the design documents are
 * read once per request (the options object pouchdb-bulkdocs-wrapper hands every document of one
 * request), and a function is compiled once per database, design document and revision. Every
 * document is still validated.
 */
const CACHED_VALIDATION = [
  [
    '  return getValidationFunctions(db).then(function (validationFuncs) {',
    '  return validationFunctionsOfRequest(db, options).then(function (validationFuncs) {',
  ],
  [
    '    info.func = coucheval.evaluate(info.designDoc, {}, info.code);',
    [
      '    var compiledKey = JSON.stringify([dbName, info.designDoc._id, info.designDoc._rev, info.code]);',
      '    info.func = compiledFunctions.get(compiledKey);',
      '    if (info.func === undefined) {',
      '      info.func = coucheval.evaluate(info.designDoc, {}, info.code);',
      '      compiledFunctions.set(compiledKey, info.func);',
      '    }',
    ].join('\n'),
  ],
  ['  }).then(parseValidationFunctions);', '  }).then(function (resp) { return parseValidationFunctions(resp, db.name); });'],
  ['function parseValidationFunctions(resp) {', 'function parseValidationFunctions(resp, dbName) {'],
  [
    'function getValidationFunctions(db) {',
    [
      'var compiledFunctions = new Map();',
      'var functionsOfRequest = new WeakMap();',
      'function validationFunctionsOfRequest(db, options) {',
      '  if (!options || typeof options !== "object") return getValidationFunctions(db);',
      '  var found = functionsOfRequest.get(options);',
      '  if (found === undefined || found.db !== db) {',
      '    found = { db: db, functions: getValidationFunctions(db) };',
      '    functionsOfRequest.set(options, found);',
      '  }',
      '  return found.functions;',
      '}',
      'function getValidationFunctions(db) {',
    ].join('\n'),
  ],
];
for (const [from] of CACHED_VALIDATION) if (patched.split(from).length !== 2) throw new Error(`${validationFile} changed: the validation cache in ${import.meta.url} no longer applies (${from.trim()})`);
const cached = process.env.THREADMARK_COUCH_VALIDATION_CACHE === '0' ? patched : CACHED_VALIDATION.reduce((text, [from, to]) => text.replace(from, to), patched);

const validationModule = new Module(validationFile, null);
validationModule.filename = validationFile;
validationModule.paths = Module._nodeModulePaths(dirname(validationFile));
validationModule._compile(cached, validationFile);
validationModule.loaded = true;
require.cache[validationFile] = validationModule;

require('pouchdb-server/lib/index.js');
