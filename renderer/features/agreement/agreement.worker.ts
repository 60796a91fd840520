/// <reference lib="webworker" />
import { serveWorker } from '@shared/rpc/rpc';

import { type AgreementProtocol, runAgreementReport } from './run-agreement-report';

// Agreement over a large project takes a second or more: off the UI thread, so coding stays responsive.
serveWorker<AgreementProtocol>(self, { run: (request) => runAgreementReport(request) });
