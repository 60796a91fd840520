import type { AnalysisTabSpec } from './AnalysisView';
import { AttributesTab } from './attributes/AttributesTab';
import { MemosTab } from './memos/MemosTab';
import { SearchTab } from './search/SearchTab';
import { SegmentsTab } from './segments/SegmentsTab';
import { TablesTab } from './tables/TablesTab';

/**
 * The tabs of the Analysis view, in the order shown. Each feature adds its own entry here
 * (one line each), importing its panel from its own folder.
 */
export const ANALYSIS_TABS: readonly AnalysisTabSpec[] = [
  { id: 'search', label: 'Search', render: (p) => <SearchTab {...p} /> },
  { id: 'segments', label: 'Segments', render: (p) => <SegmentsTab {...p} /> },
  { id: 'tables', label: 'Tables & charts', render: (p) => <TablesTab {...p} /> },
  { id: 'memos', label: 'Memos', render: (p) => <MemosTab {...p} /> },
  { id: 'attributes', label: 'Attributes', render: (p) => <AttributesTab {...p} /> },
];
