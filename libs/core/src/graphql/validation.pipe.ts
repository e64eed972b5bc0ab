import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { AppError, ErrorCode, FieldProblem } from '../errors/app-error.js';
import { memoizeValidationMetadata } from './validation-metadata-memo.js';

const PRIMITIVES = new Set<unknown>([String, Boolean, Number, Array, Object]);

/** Flattens class-validator's tree into `input.skills.3: must be shorter…` style problems. */
function toProblems(errors: ValidationError[], prefix: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) problems.push({ path, message });
    if (error.children?.length) problems.push(...toProblems(error.children, path));
  }
  return problems;
}

/** PostgreSQL text cannot hold U+0000; refuse it up front, naming the field, instead of failing in SQL. */
function findNulChars(value: unknown, path: string, found: FieldProblem[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push({ path, message: 'must not contain the NUL character (\\u0000)' });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findNulChars(item, `${path}.${index}`, found));
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) findNulChars(item, path ? `${path}.${key}` : key, found);
  }
}

/**
 * Validates every GraphQL argument: class-validator rules on input and args classes, and a NUL-byte
 * check on every string. Failures are BAD_USER_INPUT listing each offending field path.
 */
@Injectable()
export class GraphQLValidationPipe implements PipeTransform {
  constructor() {
    memoizeValidationMetadata();
  }

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // @Parent(), @CurrentViewer() and friends: not client input, handed back without a promise (a field
    // resolver's parameters pass here for every row).
    if (metadata.type === 'custom') return value;
    return this.validate(value, metadata);
  }

  // Synchronous: no rule here is asynchronous (no `async: true` constraint), and validateSync runs the same
  // rules without a promise per property; a new asynchronous rule would need `validate` back.
  private validate(value: unknown, metadata: ArgumentMetadata): unknown {
    const prefix = metadata.data ?? '';
    const problems: FieldProblem[] = [];
    findNulChars(value, prefix, problems);
    const { metatype } = metadata;
    let result = value;
    if (metatype && !PRIMITIVES.has(metatype) && value !== null && value !== undefined && typeof value === 'object') {
      result = plainToInstance(metatype, value);
      const errors = validateSync(result as object, { whitelist: true, forbidUnknownValues: false });
      problems.push(...toProblems(errors, prefix));
    }
    if (problems.length) {
      const summary = problems.map((p) => `${p.path} ${p.message}`).join('; ');
      throw new AppError(ErrorCode.BAD_USER_INPUT, `Invalid input: ${summary}`, { fields: problems });
    }
    return result;
  }
}
