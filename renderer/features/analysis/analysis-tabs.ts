/**
 * The Analysis view's tabs, in order. Each tab is one feature of the analysis side (search,
 * retrieval, tables and charts, memos, attributes); `AnalysisView` shows the selected one.
 */
export type AnalysisTabId = 'search' | 'segments' | 'tables' | 'memos' | 'attributes';

/** What another tab (or another view) asks the Analysis view to show. */
export interface AnalysisRequest {
  tab: AnalysisTabId;
  /** For `segments`: the retrieval to run, as the Segments tab's query (see its own module). */
  segments?: unknown;
  /** Increases with each request, so the same request twice is shown twice. */
  seq: number;
}
