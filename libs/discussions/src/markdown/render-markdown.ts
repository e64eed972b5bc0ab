import MarkdownIt, { type StateInline } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown to safe HTML. markdown-it (CommonMark, raw HTML off, unsafe link schemes refused) renders;
 * sanitize-html then keeps only the tags and attributes Markdown itself produces, so nothing a
 * writer types can run in a reader's browser: no raw HTML, no event handlers, no `javascript:`
 * links, no images (tracking pixels), no SVG. Every link gets `rel="nofollow ugc noopener"`.
 *
 * Mentions are written `@[Ada Lovelace](<user id>)` (the composer inserts them). A mention of a
 * person in `mentionable` becomes `<span class="mention" data-user-id="…">@Ada Lovelace</span>`;
 * anyone else's reads as plain text.
 */
export interface RenderedMarkdown {
  html: string;
  /** The people mentioned (and allowed), in order of first mention. */
  mentioned: string[];
}

const MENTION = /^@\[([^\]\n]{1,100})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/i;
const MENTION_ANYWHERE = new RegExp(MENTION.source.slice(1), 'gi');

interface RenderEnv {
  mentionable: ReadonlySet<string>;
  mentioned: string[];
}

function mentionRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  const match = MENTION.exec(state.src.slice(state.pos));
  if (!match) return false;
  if (!silent) {
    const token = state.push('mention', '', 0);
    token.meta = { label: match[1], userId: match[2].toLowerCase() };
  }
  state.pos += match[0].length;
  return true;
}

const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: false });
md.inline.ruler.before('link', 'mention', mentionRule);
md.renderer.rules.mention = (tokens, idx, _options, rawEnv) => {
  const env = rawEnv as unknown as RenderEnv;
  const { label, userId } = tokens[idx].meta as { label: string; userId: string };
  const text = md.utils.escapeHtml(`@${label}`);
  if (!env.mentionable.has(userId)) return text;
  if (!env.mentioned.includes(userId)) env.mentioned.push(userId);
  return `<span class="mention" data-user-id="${userId}">${text}</span>`;
};

const ABSOLUTE_LINK = /^(https?:\/\/|mailto:)/i;

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'em', 'strong', 's', 'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span'],
  allowedAttributes: { a: ['href', 'title', 'rel'], span: ['class', 'data-user-id'], code: ['class'], ol: ['start'], th: ['style'], td: ['style'] },
  allowedClasses: { span: ['mention'], code: ['language-*'] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Only absolute http(s) and mailto links survive (a relative or odd one becomes plain text).
    a: (tagName, attribs) => {
      const href = attribs.href && ABSOLUTE_LINK.test(attribs.href) ? attribs.href : undefined;
      return href ? { tagName, attribs: { ...attribs, href, rel: 'nofollow ugc noopener' } } : { tagName: 'span', attribs: {} };
    },
  },
};

/** The user ids a body's mention syntax names (before any check of who may be mentioned). */
export function mentionCandidates(markdown: string): string[] {
  const ids = new Set<string>();
  for (const match of markdown.matchAll(MENTION_ANYWHERE)) ids.add(match[2].toLowerCase());
  return [...ids];
}

export function renderMarkdown(markdown: string, mentionable: ReadonlySet<string> = new Set()): RenderedMarkdown {
  const env: RenderEnv = { mentionable, mentioned: [] };
  const html = sanitizeHtml(md.render(markdown, env as unknown as Record<string, unknown>), SANITIZE);
  return { html, mentioned: env.mentioned };
}
