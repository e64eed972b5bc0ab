/**
 * Parses `application/x-www-form-urlencoded` bodies and query strings the way Stripe reads them:
 * `a[b][c]=v` nests, `line_items[0][price]=v` and `expand[]=v` index. Indexed keys stay object
 * keys ('0', '1', …) so metadata keys that happen to be digits are not mistaken for arrays;
 * `Params.list` reads them in index order.
 */
export interface FormObject {
  [key: string]: FormValue;
}
export type FormValue = string | FormObject;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}

/** `a[b][]` → ['a', 'b', ''] */
function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  const pattern = /\[([^\]]*)\]/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(key.slice(open))) !== null) segments.push(match[1] ?? '');
  return segments;
}

function assign(target: FormObject, segments: string[], value: string): void {
  let node = target;
  for (let i = 0; i < segments.length; i += 1) {
    let segment = segments[i] ?? '';
    if (segment === '') segment = String(Object.keys(node).length);
    if (FORBIDDEN_KEYS.has(segment)) return;
    if (i === segments.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next === 'object') {
      node = next;
    } else {
      const child: FormObject = {};
      node[segment] = child;
      node = child;
    }
  }
}

export function parseForm(text: string): FormObject {
  const result: FormObject = {};
  if (!text) return result;
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    if (key) assign(result, splitKey(key), value);
  }
  return result;
}
