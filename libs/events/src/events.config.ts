import { type AppConfig } from '../../core/src/index.js';

/** Settings of the events feature (EVENTS_OFFER_WINDOW_HOURS, EVENTS_HOLD_MINUTES, EVENTS_OFFER_REQUEUES), from AppConfig. */
export type EventsConfig = AppConfig['events'];

export const EVENTS_CONFIG = Symbol('EVENTS_CONFIG');
