import { invalidRequest, missingParam } from './errors.js';
import type { FormObject, FormValue } from './form.js';

/** Typed, Stripe-validated access to a parsed form body or query string. */
export class Params {
  constructor(
    readonly raw: FormObject,
    private readonly prefix = '',
  ) {}

  private name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  /** A scalar value; '' (Stripe's "unset") is returned as ''. */
  string(key: string): string | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${this.name(key)}`, 'parameter_invalid_string', this.name(key));
    return value;
  }

  requiredString(key: string): string {
    const value = this.string(key);
    if (value === undefined || value === '') throw missingParam(this.name(key));
    return value;
  }

  /** A scalar value, with '' treated as absent. */
  optionalString(key: string): string | undefined {
    const value = this.string(key);
    return value === '' ? undefined : value;
  }

  /** A nullable scalar: '' means "set to null". */
  nullableString(key: string): string | null | undefined {
    const value = this.string(key);
    return value === '' ? null : value;
  }

  /** An absolute http(s) URL (Stripe's `url_invalid` otherwise). */
  url(key: string): string | undefined {
    const value = this.optionalString(key);
    if (value === undefined) return undefined;
    let protocol = '';
    try {
      protocol = new URL(value).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'http:' && protocol !== 'https:') throw invalidRequest('Not a valid URL', 'url_invalid', this.name(key));
    return value;
  }

  int(key: string): number | undefined {
    const value = this.optionalString(key);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) {
      throw invalidRequest(`Invalid integer: ${value}`, 'parameter_invalid_integer', this.name(key));
    }
    return Number(value);
  }

  bool(key: string): boolean | undefined {
    const value = this.optionalString(key);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw invalidRequest(`Invalid boolean: ${value}`, undefined, this.name(key));
    return value === 'true';
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.optionalString(key);
    if (value === undefined) return undefined;
    const found = allowed.find((candidate) => candidate === value);
    if (!found) {
      throw invalidRequest(`Invalid ${this.name(key)}: must be one of ${allowed.join(', ')}`, undefined, this.name(key));
    }
    return found;
  }

  object(key: string): Params | undefined {
    const value = this.raw[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value === 'string') throw invalidRequest(`Invalid object: ${this.name(key)}`, undefined, this.name(key));
    return new Params(value, this.name(key));
  }

  private entries(key: string): Array<[string, FormValue]> {
    const value = this.raw[key];
    if (value === undefined || value === '') return [];
    if (typeof value === 'string') return [['0', value]];
    return Object.entries(value).sort(([a], [b]) => Number(a) - Number(b));
  }

  /** `expand[0]=a&expand[1]=b` (or `expand[]=…`, or a single `expand=a`) → ['a', 'b'] */
  stringList(key: string): string[] {
    return this.entries(key).map(([index, value]) => {
      if (typeof value !== 'string') throw invalidRequest(`Invalid array: ${this.name(key)}`, undefined, `${this.name(key)}[${index}]`);
      return value;
    });
  }

  objectList(key: string): Params[] {
    return this.entries(key).map(([index, value]) => {
      const name = `${this.name(key)}[${index}]`;
      if (typeof value === 'string') throw invalidRequest(`Invalid hash: ${name}`, undefined, name);
      return new Params(value, name);
    });
  }

  /**
   * Metadata as Stripe reads it: `null` for `metadata=` (clear all), otherwise a map in which
   * '' values mean "remove this key". Undefined when not sent.
   */
  metadata(key = 'metadata'): Record<string, string> | null | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (value === '') return null;
    if (typeof value === 'string') throw invalidRequest(`Invalid hash: ${this.name(key)}`, undefined, this.name(key));
    const result: Record<string, string> = {};
    for (const [entryKey, entryValue] of Object.entries(value)) {
      if (typeof entryValue !== 'string') throw invalidRequest(`Invalid metadata value for ${entryKey}`, undefined, this.name(key));
      result[entryKey] = entryValue;
    }
    return result;
  }
}

/** Applies a metadata parameter to existing metadata: merge, '' removes a key, null clears. */
export function mergeMetadata(current: Record<string, string>, update: Record<string, string> | null | undefined): Record<string, string> {
  if (update === undefined) return current;
  if (update === null) return {};
  const next = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === '') delete next[key];
    else next[key] = value;
  }
  return next;
}
