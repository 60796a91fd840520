/**
 * PouchDB is loaded only when a project is connected to a team server: a dynamic import, so it sits
 * in a chunk of its own (vendor-pouchdb) that a project without a team never downloads.
 */
import type { PouchStatic } from './replica';

let loading: Promise<PouchStatic> | null = null;

export function loadPouch(): Promise<PouchStatic> {
  loading ??= import('pouchdb-browser').then((m) => m.default);
  return loading;
}
