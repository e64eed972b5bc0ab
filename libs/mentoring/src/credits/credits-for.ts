/** CE credits for a confirmed check-in: hours × the program's rate, to the hundredth of a credit. */
export const creditsFor = (durationMinutes: number, creditsPerHour: number): number =>
  Math.round(((durationMinutes * creditsPerHour) / 60) * 100) / 100;
