/** Dates as AWS's JSON protocols write them: epoch seconds, with milliseconds as the fraction. */
export function toEpochSeconds(date: Date): number {
  return date.getTime() / 1000;
}
