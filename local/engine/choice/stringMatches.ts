import { cachedBy } from '../../common/boundedCache';

/**
 * The StringMatches pattern test: `*` stands for any run of characters (empty too), `\*` for a
 * literal asterisk and `\\` for a literal backslash; everything else matches itself, whole string.
 *
 * @example stringMatches('log-2024.txt', 'log-*.txt') // true
 * @example stringMatches('a*b', 'a\\*b') // true (the pattern is a\*b)
 */
export function stringMatches(value: string, pattern: string): boolean {
  return compiledPattern(pattern).test(value);
}

function compilePattern(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i];
    if (c === '\\' && (pattern[i + 1] === '*' || pattern[i + 1] === '\\')) {
      source += escapeRegex(pattern[i + 1]);
      i += 1;
    } else if (c === '*') {
      source += '[\\s\\S]*';
    } else {
      source += escapeRegex(c);
    }
  }
  return new RegExp(`^${source}$`);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const compiledPattern = cachedBy(compilePattern, 1000);
