import { useEffect, useState, type ReactNode } from 'react';

import { Tabs } from '../../app/ui/Tabs';
import './analysis.css';
import type { AnalysisRequest, AnalysisTabId } from './analysis-tabs';

/** What every tab may do outside itself. */
export interface AnalysisTabProps {
  /** Opens a post in the Coding view. */
  onShowPost: (threadId: string, postId: string) => void;
  /** Asks the Analysis view to show another tab (a matrix cell opens its segments). */
  onRequest: (request: Omit<AnalysisRequest, 'seq'>) => void;
  /** The latest request addressed to this tab, if any. */
  request: AnalysisRequest | null;
}

export interface AnalysisTabSpec {
  id: AnalysisTabId;
  label: string;
  render: (props: AnalysisTabProps) => ReactNode;
}

interface Props {
  tabs: readonly AnalysisTabSpec[];
  onShowPost: (threadId: string, postId: string) => void;
}

/** The analysis side of a coded corpus: one tab per question a researcher asks of the codings. */
export function AnalysisView({ tabs, onShowPost }: Props) {
  const [selected, setSelected] = useState<AnalysisTabId>(tabs[0]?.id ?? 'search');
  const [request, setRequest] = useState<AnalysisRequest | null>(null);
  useEffect(() => {
    if (request) setSelected(request.tab);
  }, [request]);
  const tab = tabs.find((t) => t.id === selected) ?? tabs[0];
  if (!tab) return null;
  return (
    <section className="analysis-view" aria-label="Analysis">
      <Tabs label="Analysis" tabs={tabs} selected={tab.id} onSelect={setSelected}>
        {tab.render({
          onShowPost,
          onRequest: (r) => setRequest((prev) => ({ ...r, seq: (prev?.seq ?? 0) + 1 })),
          request: request?.tab === tab.id ? request : null,
        })}
      </Tabs>
    </section>
  );
}
