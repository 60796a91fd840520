/**
 * shared/tsconfig.json gives shared/ ES2023 and the globals in shared/platform-globals.d.ts, nothing
 * else: probes compiled in memory with that config (nothing is written to disk) may use TextDecoder,
 * but not the DOM's `document` or Node's `process` — not even after importing a dependency whose
 * types reference @types/node.
 */
import { fileURLToPath } from 'node:url';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const sharedDir = fileURLToPath(new URL('../shared/', import.meta.url));
const configPath = `${sharedDir}tsconfig.json`;
const probePath = `${sharedDir}__environment_probe__.ts`;

function parsedConfig(): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => expect.fail(String(d.messageText)) });
  if (parsed === undefined) throw new Error(`cannot read ${configPath}`);
  expect(parsed.errors).toEqual([]);
  return parsed;
}

/** Compiles `source` as shared/__environment_probe__.ts (with the config's own .d.ts files) and returns "TSnnnn name" per error. */
function compileProbe(source: string): string[] {
  const config = parsedConfig();
  const options: ts.CompilerOptions = { ...config.options, composite: false, declaration: false, emitDeclarationOnly: false, incremental: false, noEmit: true };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (file) => file === probePath || ts.sys.fileExists(file);
  host.readFile = (file) => (file === probePath ? source : readFile(file));
  host.getSourceFile = (file, language, onError, fresh) => (file === probePath ? ts.createSourceFile(file, source, language) : getSourceFile(file, language, onError, fresh));
  const rootNames = [...config.fileNames.filter((f) => f.endsWith('.d.ts')), probePath];
  const program = ts.createProgram({ rootNames, options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}${d.file ? ` (${d.file.fileName})` : ''}`);
}

describe('the shared/ environment', () => {
  it('has the declared web-platform globals', () => {
    const errors = compileProbe(
      [
        "export const text = new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode('a'));",
        'export const id: string = crypto.randomUUID();',
        "export const host: string = new URL('https://example.org/a').host;",
        'export const aborted: boolean = new AbortController().signal.aborted;',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });

  it('has no DOM: document is not defined', () => {
    const errors = compileProbe('export const title = document.title;');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^TS\d+ Cannot find name 'document'/);
  });

  it('has no Node: process is not defined', () => {
    const errors = compileProbe('export const env = process.env;');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^TS\d+ Cannot find name 'process'/);
  });

  it('stays without Node when a dependency’s types reference @types/node (csv-parse)', () => {
    const errors = compileProbe(
      ["import { parse } from 'csv-parse/browser/esm/sync';", 'export const rows: unknown = parse("a,b");', 'export const b = Buffer.from("x");', 'export const env = process.env;'].join('\n'),
    );
    expect(errors.map((e) => e.match(/^TS\d+ Cannot find name '(\w+)'/)?.[1] ?? e)).toEqual(['Buffer', 'process']);
  });

  it('never loads lib.dom or @types/node for shared/ itself', () => {
    const config = parsedConfig();
    const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true } });
    const strays = program
      .getSourceFiles()
      .map((f) => f.fileName)
      .filter((f) => /\/lib\.dom\b|\/lib\.webworker\b|\/@types\/node\/|\/@types\/react\//.test(f));
    expect(strays).toEqual([]);
  });
});
