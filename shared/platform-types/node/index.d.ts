/**
 * Stands in for @types/node in the pure shared/ program only (see typeRoots in ../../tsconfig.json):
 * csv-parse's and csv-stringify's types say `/// <reference types="node" />` and
 * `import * as stream from "stream"`. This declares the part of that stream which shared/ uses
 * through csv-parse's browser build (which bundles its own polyfill) and no Node global at all.
 * Importing 'stream' from shared/ code is still a lint error (eslint.config.js).
 */
declare module 'stream' {
  export class Transform {
    on(event: string, listener: (...args: never[]) => void): this;
    resume(): this;
    write(chunk: string): boolean;
    end(): this;
  }
}
