/**
 * The conventional reading of a coefficient, so a table says what its number means.
 * Krippendorff (2004, Content Analysis, 2nd ed., p. 241): rely on α ≥ .800; draw tentative
 * conclusions from .667 ≤ α < .800. Landis & Koch (1977, Biometrics 33:159–174) for κ.
 */
export type Reading = 'reliable' | 'tentative' | 'unreliable' | 'almost perfect' | 'substantial' | 'moderate' | 'fair' | 'slight' | 'poor';

const ALPHA_FAMILY = /^(alpha_|u_alpha|cu_alpha)/;
const KAPPA_FAMILY = /(kappa)$/;

export function readingOf(metric: string, value: number | null): Reading | null {
  if (value === null) return null;
  if (ALPHA_FAMILY.test(metric)) return value >= 0.8 ? 'reliable' : value >= 0.667 ? 'tentative' : 'unreliable';
  if (KAPPA_FAMILY.test(metric)) {
    if (value > 0.8) return 'almost perfect';
    if (value > 0.6) return 'substantial';
    if (value > 0.4) return 'moderate';
    if (value > 0.2) return 'fair';
    if (value >= 0) return 'slight';
    return 'poor';
  }
  return null;
}
