import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isLocalDate } from '../schedule/local-date.js';


/** A real calendar date written YYYY-MM-DD, between 2000 and 2100. */
export const IsLocalDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value) => typeof value === 'string' && isLocalDate(value) && value >= '2000-01-01' && value <= '2100-12-31',
        defaultMessage: () => 'must be a date written YYYY-MM-DD (between 2000 and 2100)',
      },
    },
    options,
  );

export const ROLE_KEY = /^[A-Z][A-Z0-9_]{1,39}$/;
export const LOCAL_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
