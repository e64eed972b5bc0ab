import { Typography } from '@mantine/core';

/**
 * A post's HTML exactly as the API rendered and sanitized it (markdown-it with raw HTML off, then
 * sanitize-html: no scripts, handlers, images or SVG; links get rel="nofollow ugc noopener"). The
 * portal never renders Markdown itself, so nothing a writer types reaches the page another way.
 */
export function PostHtml({ html }: { html: string }) {
  // Only the API's sanitized `html` (and previewMarkdown) reaches here
  return <Typography className="community-post" dangerouslySetInnerHTML={{ __html: html }} />;
}
