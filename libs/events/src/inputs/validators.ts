import { IANAZone } from 'luxon';
import { registerDecorator, ValidationOptions } from 'class-validator';

export function isIanaZone(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 64 && IANAZone.isValidZone(value);
}

/** An IANA time zone name such as Europe/Berlin or UTC. */
export function IsIanaZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIanaZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an IANA time zone such as Europe/Berlin', ...options },
      validator: { validate: isIanaZone },
    });
}
