/** A rule that makes the next matching API calls fail. */
export interface FailNextOptions {
  /** HTTP method, case-insensitive. */
  method: string;
  /** Exact path (`/v1/checkout/sessions`) or a pattern tested against the path (no query string). */
  path: string | RegExp;
  /** Status of the Stripe-shaped error answer (default 500). */
  status?: number;
  /** Wait this long before answering; longer than the SDK `timeout` makes the call time out. */
  timeoutMs?: number;
  /** How many matching calls fail (default 1). */
  times?: number;
  /**
   * false (default): the call is not executed, and nothing is stored under its Idempotency-Key,
   * so a retry with the same key runs for real. true: the call is executed (and its answer stored
   * for idempotent replay) but the client still gets the failure — a lost response.
   */
  afterProcessing?: boolean;
  message?: string;
  code?: string;
}

export interface ActiveFailure extends FailNextOptions {
  remaining: number;
}

export class FailureInjector {
  private readonly rules: ActiveFailure[] = [];

  add(options: FailNextOptions): void {
    const times = options.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`failNext: times must be a positive integer, got ${times}`);
    this.rules.push({ ...options, remaining: times });
  }

  /** The first rule matching this call, consuming one of its uses. */
  take(method: string, path: string): ActiveFailure | undefined {
    const rule = this.rules.find(
      (candidate) =>
        candidate.method.toUpperCase() === method.toUpperCase() &&
        (typeof candidate.path === 'string' ? candidate.path === path : candidate.path.test(path)),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining === 0) this.rules.splice(this.rules.indexOf(rule), 1);
    return rule;
  }

  /** Rules not yet used up. */
  get pending(): readonly ActiveFailure[] {
    return this.rules;
  }

  clear(): void {
    this.rules.length = 0;
  }
}
