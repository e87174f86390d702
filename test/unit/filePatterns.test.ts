/**
 * The server's matcher for `subscriberCsv.filePatterns` (server/src/filePatterns.ts): the glob syntax of VS Code's
 * settings, case-insensitive; patterns outside the bounds or not valid left out with one warning; and time linear
 * in the path whatever the patterns, where a backtracking matcher takes minutes.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileFilePatterns, MAX_PATTERN_LENGTH, MAX_PATTERNS, MAX_TOTAL_LENGTH } from '../../server/src/filePatterns';

function matcher(patterns: string[] | undefined) {
  const warnings: string[] = [];
  const matches = compileFilePatterns(patterns, (message) => warnings.push(message));
  return { matches, warnings };
}

describe('filePatterns', () => {
  it('matches the syntax of VS Code settings, ignoring case', () => {
    const cases: [pattern: string, path: string, expected: boolean][] = [
      ['**/*.subscribers.csv', '/work/a.subscribers.csv', true],
      ['**/*.subscribers.csv', '/work/deep/er/A.SUBSCRIBERS.CSV', true],
      ['**/*.subscribers.csv', '/a.subscribers.csv', true],
      ['**/*.subscribers.csv', '/work/.hidden/.x.subscribers.csv', true],
      ['**/*.subscribers.csv', '/work/a.subscribers.csv.bak', false],
      ['*.csv', '/work/a.csv', false],
      ['*.csv', '/a.csv', true],
      ['work/*.csv', '/work/a.csv', true],
      ['work/*.csv', '/work/sub/a.csv', false],
      ['/work/**', '/work/x/y.csv', true],
      ['**', '/anything/at/all', true],
      ['**/a?.csv', '/w/ab.csv', true],
      ['**/a?.csv', '/w/a/.csv', false],
      ['data/{in,out}/*.csv', '/data/out/x.csv', true],
      ['data/{in,out}/*.csv', '/data/other/x.csv', false],
      ['data/{a,b{c,d}}/*.csv', '/data/bd/x.csv', true],
      ['**/[!x]?.csv', '/w/ab.csv', true],
      ['**/[!x]?.csv', '/w/xb.csv', false],
      ['**/[a-c]*.csv', '/w/b1.csv', true],
      ['**/[a-c]*.csv', '/w/d1.csv', false],
      ['**/[]a]*.csv', '/w/]1.csv', true],
      ['**/\\*.csv', '/w/*.csv', true],
      ['**/\\*.csv', '/w/a.csv', false],
      // Characters special to regular expressions are plain characters in a glob.
      ['**/(a|b)+.csv', '/w/(a|b)+.csv', true],
      ['**/(a|b)+.csv', '/w/a.csv', false],
      ['**/é*.csv', '/w/ÉTÉ.csv', true],
    ];
    const wrong = cases.filter(([pattern, path, expected]) => matcher([pattern]).matches(path) !== expected);
    assert.deepEqual(wrong, []);
  });

  it('no pattern, or an empty list, means the default: **/*.subscribers.csv', () => {
    for (const patterns of [undefined, []]) {
      const { matches, warnings } = matcher(patterns);
      assert.equal(matches('/work/team.subscribers.csv'), true);
      assert.equal(matches('/work/team.csv'), false);
      assert.deepEqual(warnings, []);
    }
  });

  it('*.subscribers.csv is always a subscriber file, whatever patterns the setting gives', () => {
    const { matches, warnings } = matcher(['data/**/*.csv']);
    assert.equal(matches('/work/team.subscribers.csv'), true);
    assert.equal(matches('data/hr/export.csv'), true);
    assert.equal(matches('/work/team.csv'), false);
    assert.deepEqual(warnings, []);
  });

  it('a pattern that is not a valid glob, too long, or past the bounds is left out, with one warning for all', () => {
    const { matches, warnings } = matcher([
      '**/{a,b.csv',
      '**/[z-a].csv',
      '**/' + 'x'.repeat(MAX_PATTERN_LENGTH) + '.csv',
      '**/*.team.csv',
    ]);
    assert.equal(matches('/work/x.team.csv'), true, 'the valid pattern applies');
    assert.equal(matches('/work/a.csv'), false);
    assert.deepEqual(warnings, [
      'subscriberCsv.filePatterns: 3 patterns are left out (not a valid glob; longer than 256 characters); the others apply.',
    ]);

    const many = matcher(Array.from({ length: MAX_PATTERNS + 2 }, (_, i) => `**/${i}.csv`));
    assert.equal(many.matches('/w/0.csv'), true);
    assert.equal(many.matches(`/w/${MAX_PATTERNS}.csv`), false);
    assert.deepEqual(many.warnings, [
      'subscriberCsv.filePatterns: 2 patterns are left out (more than 32 patterns); the others apply.',
    ]);

    const long = 'y'.repeat(MAX_PATTERN_LENGTH - 10);
    const total = matcher(Array.from({ length: 5 }, (_, i) => `**/${i}${long}`));
    assert.equal(total.matches(`/w/0${long}`), true);
    assert.equal(total.matches(`/w/4${long}`), false);
    assert.match(total.warnings.join(), new RegExp(`more than ${MAX_TOTAL_LENGTH} characters in all`));
  });

  it('a pathological pattern against a long path takes linear time, not minutes', () => {
    // picomatch took 92 s for ten `*a` against a 40-character name; here the worst the bounds allow, on 4,000.
    const pathological = Array.from({ length: 4 }, () => '**/' + '*a'.repeat(125) + '*b');
    const path = '/work/' + 'a'.repeat(4000) + '.csv';
    const started = performance.now();
    const { matches } = matcher(pathological);
    assert.equal(matches(path), false);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2000, `took ${Math.round(elapsed)} ms`);
  });
});
