import { describe, expect, it } from '@jest/globals';
import { Parser } from 'htmlparser2';
import { mentionCandidates, renderMarkdown } from './render-markdown.js';

const ADA = '0b5f1a52-6c7e-4f7a-9d53-0c5e2f4b9a11';
const BOB = '7d0c2e61-3b4a-4e55-8f0e-2a9b6c1d3e22';

/** Hostile input: raw HTML, script-ish links, event handlers, SVG, entity and case tricks. */
const CORPUS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r="1"/></svg>',
  '<svg><script>alert(1)</script></svg>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](java&#x09;script:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p onclick="alert(1)">x</p>',
  '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '<<script>script>alert(1)<</script>/script>',
  '`<script>alert(1)</script>`',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '@[<img src=x onerror=alert(1)>](0b5f1a52-6c7e-4f7a-9d53-0c5e2f4b9a11)',
  '<form action="https://evil.example"><input name=x></form>',
  '<object data="javascript:alert(1)"></object>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
];

const SAFE_TAGS = new Set(['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'em', 'strong', 's', 'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span']);

/** Parsed as a browser would: only harmless elements, no handlers, no styles with URLs, links only to http(s) or mail. */
function assertInert(html: string): void {
  const problems: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (!SAFE_TAGS.has(name)) problems.push(`tag <${name}>`);
      for (const [attr, value] of Object.entries(attributes)) {
        if (/^on/i.test(attr)) problems.push(`handler ${attr}`);
        if (attr === 'style' && /url\(|expression/i.test(value)) problems.push(`style ${value}`);
        if ((attr === 'href' || attr === 'src') && !/^(https?:|mailto:)/i.test(value.trim())) problems.push(`${attr}=${value}`);
        if (!['href', 'title', 'rel', 'class', 'data-user-id', 'start', 'style'].includes(attr)) problems.push(`attribute ${attr}`);
      }
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  expect(problems).toEqual([]);
}

describe('renderMarkdown', () => {
  it.each(CORPUS)('renders %j inert', (input) => {
    const { html } = renderMarkdown(input, new Set([ADA]));
    assertInert(html);
  });

  it('keeps ordinary Markdown, and gives links rel="nofollow ugc noopener"', () => {
    const { html } = renderMarkdown('# Title\n\n**bold** _em_ `code`\n\n- a\n- b\n\n> quote\n\n[site](https://example.org) and https://guildhall.example');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">site</a>');
    expect(html).toContain('<a href="https://guildhall.example" rel="nofollow ugc noopener">');
  });

  it('shows raw HTML as text, escaped', () => {
    expect(renderMarkdown('<b>hi</b>').html).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p>\n');
  });

  it('links mentions of people who may be mentioned, leaves others as text, and reports who was mentioned', () => {
    const body = `Hi @[Ada Lovelace](${ADA}) and @[Bob](${BOB}), again @[Ada](${ADA.toUpperCase()}) \`@[Code](${BOB})\``;
    expect(mentionCandidates(body).sort()).toEqual([ADA, BOB].sort());
    const { html, mentioned } = renderMarkdown(body, new Set([ADA]));
    expect(mentioned).toEqual([ADA]);
    expect(html).toContain(`<span class="mention" data-user-id="${ADA}">@Ada Lovelace</span>`);
    expect(html).toContain('@Bob');
    expect(html).not.toContain(`data-user-id="${BOB}"`);
  });
});
