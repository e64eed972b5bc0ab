/** Text normalisation shared by the topic and goal criteria. */

/** `'  System   Design '` → `'system design'`. */
export function normaliseTopic(topic: string): string {
  return topic.trim().toLowerCase().replace(/\s+/gu, ' ');
}

/** `' ACME Corp. '` → `'acme corp.'`; blank → null. */
export function normaliseEmployer(employer: string | null | undefined): string | null {
  const normalised = employer?.trim().toLowerCase().replace(/\s+/gu, ' ');
  return normalised ? normalised : null;
}

const STOPWORDS = new Set(
  (
    'a an and are as at be been being but by can could do does for from get getting got had has have ' +
    'help how i if in into is it its just like me more most my no not of on or our out over so some ' +
    'than that the their them then there these they this to up us very want wanted wants was we were ' +
    'what when where which who why will with would you your able also better learn learning improve ' +
    'improving grow growing become becoming make making next year years good new really'
  ).split(' '),
);

/** Crude English stemming: plural endings only ("technologies" → "technology", "apis" → "api"). */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/u.test(word)) return word.slice(0, -1);
  return word;
}

/** Distinct keywords of a free text, in order of first appearance. */
export function extractKeywords(text: string | null | undefined): string[] {
  if (!text) return [];
  const keywords = new Set<string>();
  for (const token of text.toLowerCase().split(/[^\p{L}\p{N}+#]+/u)) {
    if (token.length < 2 || STOPWORDS.has(token) || /^\d+$/u.test(token)) continue;
    keywords.add(stem(token));
  }
  return [...keywords];
}
