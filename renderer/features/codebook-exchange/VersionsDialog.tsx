import { useMemo, useState } from 'react';

import type { Code } from '@shared/model/records';
import { codebookInTreeOrder, codersByName, versionsNewestFirst } from '@shared/project/queries/codebook-reads';

import { useServices } from '../../app/services';
import { Dialog } from '../../app/ui/Dialog';
import { useProjectQuery } from '../../db/use-project-query';
import { ChangeLogTab } from './ChangeLogTab';
import { CompareTab, CURRENT, type CompareSide } from './CompareTab';
import { Tabs } from '../../app/ui/Tabs';
import { VersionsTab } from './VersionsTab';

export type VersionsTabId = 'changes' | 'versions' | 'compare';

const TABS = [
  { id: 'changes', label: 'Change log' },
  { id: 'versions', label: 'Named versions' },
  { id: 'compare', label: 'Compare' },
] as const;

const NO_CODES: Code[] = [];

interface Props {
  initialTab?: VersionsTabId;
  onNameVersion: () => void;
  onClose: () => void;
}

/** The codebook's history: every change (who, when, what), the named versions, and any two compared. */
export function VersionsDialog({ initialTab = 'changes', onNameVersion, onClose }: Props) {
  const { db } = useServices();
  const codes = useProjectQuery(db, codebookInTreeOrder, []) ?? NO_CODES;
  const versions = useProjectQuery(db, versionsNewestFirst, []);
  const coderList = useProjectQuery(db, codersByName, []);
  const coders = useMemo(() => new Map((coderList ?? []).map((c) => [c.id, c])), [coderList]);
  const [tab, setTab] = useState<VersionsTabId>(initialTab);
  // Until chosen: the newest named version against the codebook as it is now.
  const [chosen, setChosen] = useState<{ from: CompareSide; to: CompareSide } | null>(null);
  const from = chosen?.from ?? versions?.[0]?.id ?? CURRENT;
  const to = chosen?.to ?? CURRENT;

  return (
    <Dialog labelledBy="codebook-versions-title" wide onCancel={onClose}>
      <div className="codebook-versions">
        <h2 id="codebook-versions-title">Versions and changes</h2>
        <Tabs label="Codebook history" tabs={TABS} selected={tab} onSelect={setTab} autoFocus>
          {tab === 'changes' ? <ChangeLogTab codes={codes} coders={coders} /> : null}
          {tab === 'versions' ? (
            <VersionsTab
              versions={versions}
              coders={coders}
              onNameVersion={onNameVersion}
              onCompareWithCurrent={(id) => {
                setChosen({ from: id, to: CURRENT });
                setTab('compare');
              }}
            />
          ) : null}
          {tab === 'compare' ? <CompareTab codes={codes} versions={versions ?? []} from={from} to={to} onChange={(f, t) => setChosen({ from: f, to: t })} /> : null}
        </Tabs>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
