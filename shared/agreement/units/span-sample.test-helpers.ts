/**
 * Reads the span sample format of ../shared/samples/agreement (copied into fixtures/):
 * {"docs": {doc: length}, "coders": [...], "domains": {name: [codes]}, "spans": [[doc, coder,
 * code, start, end]]}, 0-based, end exclusive. Each domain becomes a parent code whose children
 * are its codes; coders are identified by name.
 */
import { EMPTY_CODE_FIELDS, type Code } from '../../model/records';
import type { AgreementInput } from './coding-layers';

export interface SpanSample {
  docs: Record<string, number>;
  coders: string[];
  domains?: Record<string, string[]>;
  spans: Array<[string, string, string, number, number]>;
}

export function sampleInput(sample: SpanSample): AgreementInput {
  const codes: Code[] = [];
  const seen = new Set<string>();
  const add = (id: string, parentId: string | null): void => {
    if (seen.has(id)) return;
    seen.add(id);
    codes.push({ id, name: id, parentId, color: '#336699', ...EMPTY_CODE_FIELDS, order: codes.length });
  };
  for (const [domain, children] of Object.entries(sample.domains ?? {})) {
    add(domain, null);
    for (const child of children) add(child, domain);
  }
  for (const [, , code] of sample.spans) add(code, null);
  return {
    posts: Object.entries(sample.docs).map(([id, length]) => ({ id, length })),
    codes,
    coders: sample.coders.map((name) => ({ id: name, name })),
    codings: sample.spans.map(([postId, coderId, codeId, start, end]) => ({ postId, coderId, codeId, start, end })),
  };
}
