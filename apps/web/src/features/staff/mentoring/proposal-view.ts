import { formatNumber } from '../../../shared/formatting/format.js';

/** A pair's key on the board (a mentor application and a mentee application). */
export function pairKey(mentorApplicationId: string, menteeApplicationId: string): string {
  return `${mentorApplicationId}:${menteeApplicationId}`;
}

/** Scores and points to two decimals at most (the matcher's floats, e.g. 12.3456 → "12.35"). */
export function formatScore(value: number, locale?: string): string {
  return formatNumber(value, locale);
}

export const formatPoints = formatScore;
