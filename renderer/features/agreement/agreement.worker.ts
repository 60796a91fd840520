/// <reference lib="webworker" />
import { type AgreementRequest, runAgreementReport } from './run-agreement-report';

// Agreement over a large project takes a second or more: off the UI thread, so coding stays responsive.
self.onmessage = (event: MessageEvent<{ id: number; request: AgreementRequest }>) => {
  const { id, request } = event.data;
  try {
    self.postMessage({ id, result: runAgreementReport(request) });
  } catch (error) {
    self.postMessage({ id, result: { ok: false, error: error instanceof Error ? error.message : String(error) } });
  }
};
