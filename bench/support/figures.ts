/** A figure as the benchmarks report it when it is not a count: two decimals. */
export function twoDecimals(x: number): number {
  return Math.round(x * 100) / 100;
}
