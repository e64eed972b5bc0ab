/** Thread titles, in characters (after trimming). */
export const TITLE_MIN = 3;
export const TITLE_MAX = 200;
/** Post bodies (Markdown as written), in characters. */
export const BODY_MAX = 20_000;
export const FORUM_DESCRIPTION_MAX = 2_000;
export const REPORT_REASON_MAX = 1_000;
/** Mentions beyond this many in one post are left as plain text. */
export const MAX_MENTIONS_PER_POST = 20;
/** Edits kept (and shown) per post, newest first. */
export const MAX_REVISIONS_SHOWN = 50;
/** The posting window of the per-person rate limit; the count per window is configurable. */
export const POSTING_WINDOW_SECONDS = 60;
