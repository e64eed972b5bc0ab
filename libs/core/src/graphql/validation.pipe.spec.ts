import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Max, Min } from 'class-validator';
import { AppError } from '../errors/app-error.js';
import { GraphQLValidationPipe } from './validation.pipe.js';

@ArgsType()
class PageArgs {
  @Field(() => Int)
  @Min(1)
  @Max(100)
  first!: number;
}

describe('GraphQLValidationPipe', () => {
  const pipe = new GraphQLValidationPipe();
  const metadata = { type: 'body', metatype: PageArgs, data: undefined } as const;

  it('answers valid arguments without a promise, as an instance of the args class', () => {
    const result = pipe.transform({ first: 20 }, metadata);
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toBeInstanceOf(PageArgs);
    expect(result).toEqual(Object.assign(new PageArgs(), { first: 20 }));
  });

  it('refuses invalid arguments at once with BAD_USER_INPUT naming the field', () => {
    let thrown: unknown;
    try {
      pipe.transform({ first: 1000 }, metadata);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('BAD_USER_INPUT');
    expect((thrown as AppError).options.fields).toEqual([{ path: 'first', message: 'first must not be greater than 100' }]);
  });

  it('refuses a NUL character in any string, naming its path', () => {
    expect(() => pipe.transform({ name: 'a\u0000b' }, { type: 'body', metatype: Object, data: 'input' })).toThrow(/input\.name must not contain the NUL character/);
  });
});
