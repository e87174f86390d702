/**
 * Matches a document's path against `subscriberCsv.filePatterns` in time linear in the path, whatever the patterns
 * say. A workspace can set them, so they are not trusted: a backtracking matcher (picomatch, like any matcher built
 * on JavaScript regular expressions) spent 90 s on `**` + `/*a*a*a*a*a*a*a*a*a*a*b` against a 40-character name.
 * Each glob is translated here to RE2 syntax and run by re2js, an automaton that never backtracks. Patterns are
 * bounded in length and number so that compiling them stays cheap as well; one outside the bounds, or not a valid
 * glob, is left out, and one warning says how many were.
 *
 * The syntax is the one VS Code's settings use: `*` and `?` within a path segment, `**` for any number of whole
 * segments, `[abc]`, `[a-z]`, `[!abc]`, `{a,b}` (nested too), and `\` before a character to take it literally.
 * Matching ignores case, and `*` matches names that start with a dot.
 */
import { RE2JS } from 're2js';
import type { Warn } from '../../common/tenantDataReader';

/**
 * The names that are always subscriber files, whatever the setting adds: `*.subscribers.csv`. They are also the
 * setting's default, so that an empty setting reads as what it means.
 */
export const DEFAULT_FILE_PATTERNS: readonly string[] = ['**/*.subscribers.csv'];
/** Far beyond any real glob; a longer one is not a file pattern. */
export const MAX_PATTERN_LENGTH = 256;
export const MAX_PATTERNS = 32;
/** All patterns together: matching costs the path's length times this, at worst. */
export const MAX_TOTAL_LENGTH = 1024;

export type PathMatcher = (path: string) => boolean;

export function compileFilePatterns(
  patterns: readonly string[] | undefined,
  warn: Warn,
  setting = 'subscriberCsv.filePatterns',
): PathMatcher {
  const given = patterns && patterns.length > 0 ? patterns : DEFAULT_FILE_PATTERNS;
  // The always-matched names are not counted against the setting's bounds.
  const always = DEFAULT_FILE_PATTERNS.map((pattern) => compileGlob(pattern) as RE2JS);
  const compiled: RE2JS[] = [];
  const reasons = new Set<string>();
  let leftOut = 0;
  let total = 0;
  for (const [index, pattern] of given.entries()) {
    const reason =
      index >= MAX_PATTERNS
        ? `more than ${MAX_PATTERNS} patterns`
        : pattern.length > MAX_PATTERN_LENGTH
          ? `longer than ${MAX_PATTERN_LENGTH} characters`
          : total + pattern.length > MAX_TOTAL_LENGTH
            ? `more than ${MAX_TOTAL_LENGTH} characters in all`
            : undefined;
    const regex = reason === undefined ? compileGlob(pattern) : undefined;
    if (regex) {
      compiled.push(regex);
      total += pattern.length;
    } else {
      leftOut++;
      reasons.add(reason ?? 'not a valid glob');
    }
  }
  if (leftOut > 0) {
    const patternsAre = leftOut === 1 ? '1 pattern is' : `${leftOut} patterns are`;
    warn(`${setting}: ${patternsAre} left out (${[...reasons].join('; ')}); the others apply.`);
  }
  return (path) => {
    const relative = path.replace(/^\//, '');
    const matches = (regex: RE2JS) => regex.matches(path) || regex.matches(relative);
    return always.some(matches) || compiled.some(matches);
  };
}

function compileGlob(glob: string): RE2JS | undefined {
  const source = globToRegex(glob);
  if (source === undefined) return undefined;
  try {
    return RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  } catch {
    // A class RE2 refuses, such as the range [z-a].
    return undefined;
  }
}

/** The glob as an RE2 expression matching whole paths; undefined when its braces do not balance. */
export function globToRegex(glob: string): string | undefined {
  let regex = '';
  let openBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    switch (char) {
      case '*': {
        let end = i;
        while (glob[end] === '*') end++;
        const wholeSegment = (i === 0 || glob[i - 1] === '/') && (end === glob.length || glob[end] === '/');
        if (end - i < 2 || !wholeSegment) regex += '[^/]*';
        else if (end === glob.length) regex += '.*';
        else {
          // `**/`: any number of whole segments, the slash included.
          regex += '(?:[^/]*/)*';
          end++;
        }
        i = end - 1;
        break;
      }
      case '?':
        regex += '[^/]';
        break;
      case '[': {
        const charClass = charClassAt(glob, i);
        if (charClass) {
          regex += charClass.regex;
          i = charClass.end;
        } else regex += '\\[';
        break;
      }
      case '{':
        openBraces++;
        regex += '(?:';
        break;
      case ',':
        regex += openBraces > 0 ? '|' : ',';
        break;
      case '}':
        if (openBraces > 0) {
          openBraces--;
          regex += ')';
        } else regex += '\\}';
        break;
      case '\\':
        i++;
        regex += i < glob.length ? literal(glob[i]) : '\\\\';
        break;
      default:
        regex += literal(char);
    }
  }
  return openBraces === 0 ? regex : undefined;
}

/** `[…]` at `start`: its RE2 class and the index of its `]`; undefined when it is not closed (then `[` is literal). */
function charClassAt(glob: string, start: number): { regex: string; end: number } | undefined {
  let i = start + 1;
  const negated = glob[i] === '!' || glob[i] === '^';
  if (negated) i++;
  const first = i;
  // A `]` right after the opening is a member, as in POSIX.
  if (glob[i] === ']') i++;
  while (i < glob.length && glob[i] !== ']') i++;
  if (i >= glob.length) return undefined;
  const members = glob.slice(first, i);
  let body = '';
  for (let k = 0; k < members.length; k++) {
    const char = members[k];
    const isRange = char === '-' && k > 0 && k < members.length - 1;
    body += isRange ? '-' : /[\\\]^[-]/.test(char) ? `\\${char}` : char;
  }
  // A class never matches the separator, like `*` and `?`.
  return { regex: negated ? `[^/${body}]` : `[${body}]`, end: i };
}

function literal(char: string): string {
  return /[.*+?^$|()[\]{}\\/]/.test(char) ? `\\${char}` : char;
}
