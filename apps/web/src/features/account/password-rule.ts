/** The API's minimum length, repeated only to answer sooner; the API still decides. */
export const PASSWORD_MIN = 10;
