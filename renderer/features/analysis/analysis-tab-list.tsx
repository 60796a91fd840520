import type { AnalysisTabSpec } from './AnalysisView';

/**
 * The tabs of the Analysis view, in the order shown. Each feature adds its own entry here
 * (one line each), importing its panel from its own folder.
 */
export const ANALYSIS_TABS: readonly AnalysisTabSpec[] = [];
