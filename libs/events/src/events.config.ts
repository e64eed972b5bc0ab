import { ConfigError } from '../../core/src/index.js';

/** Settings of the events feature, read and checked once at start (a bad value names its variable). */
export interface EventsConfig {
  /** How long a seat offered from the waitlist waits for its person (EVENTS_OFFER_WINDOW_HOURS, default 24). */
  offerWindowMinutes: number;
  /** How long a paid seat is held while the person pays (EVENTS_HOLD_MINUTES, default 30; Stripe's minimum). */
  holdMinutes: number;
  /** How many times a person whose offer lapsed goes back to the end of the waitlist (EVENTS_OFFER_REQUEUES, default 1). */
  offerRequeues: number;
}

export const EVENTS_CONFIG = Symbol('EVENTS_CONFIG');

function int(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function loadEventsConfig(env: Record<string, string | undefined> = process.env): EventsConfig {
  return {
    offerWindowMinutes: int(env, 'EVENTS_OFFER_WINDOW_HOURS', 24, 1, 24 * 14) * 60,
    holdMinutes: int(env, 'EVENTS_HOLD_MINUTES', 30, 30, 24 * 60),
    offerRequeues: int(env, 'EVENTS_OFFER_REQUEUES', 1, 0, 10),
  };
}
