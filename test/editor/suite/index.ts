// Entry point VS Code loads as `extensionTestsPath`: runs every *.test.js next to this file with mocha (BDD UI)
// inside the extension host, then reports. Two runners use it:
// - test/editor/runner.js (code-server): a rejected run() still ends the extension host with exit code 0 there,
//   so the result goes to a JSON file (path in SUBSCRIBER_CSV_EDITOR_RESULT) and to a console marker line;
// - test/editor/electron.js (@vscode/test-electron): run() rejecting is what makes the exit code non-zero.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export const RESULT_ENV = 'SUBSCRIBER_CSV_EDITOR_RESULT';
export const GREP_ENV = 'SUBSCRIBER_CSV_EDITOR_GREP';
/** Console lines starting with this are forwarded by the runner; the last one carries the JSON result. */
export const MARKER = '[editor-suite]';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
  /** False in the copies written after each test, so a run cut short still shows how far it got. */
  finished: boolean;
  /** Set when the suite could not even be loaded or run. */
  error?: string;
}

/** A mocha reporter that fills `tests` and prints one line a test through console.log (which the workbench forwards). */
function reporterInto(tests: TestResult[]): Mocha.ReporterConstructor {
  return class extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      const add = (test: Mocha.Runnable, state: TestResult['state'], err?: Error) => {
        const result: TestResult = { title: test.fullTitle(), state, durationMs: test.duration ?? 0 };
        if (err) result.error = err.stack ?? String(err);
        tests.push(result);
        writeResultFile(summarize(tests, false));
        const mark = state === 'passed' ? 'ok  ' : state === 'failed' ? 'FAIL' : 'skip';
        console.log(`${MARKER} ${mark} ${result.title} (${result.durationMs} ms)${err ? `\n${result.error}` : ''}`);
      };
      runner.on('pass', (test) => add(test, 'passed'));
      runner.on('pending', (test) => add(test, 'pending'));
      // Also fires for failing hooks, so a broken `before` counts as a failure rather than silently skipping tests.
      runner.on('fail', (test, err: Error) => add(test, 'failed', err));
    }
  };
}

function summarize(tests: TestResult[], finished: boolean, error?: string): SuiteResult {
  const count = (state: TestResult['state']) => tests.filter((t) => t.state === state).length;
  const result: SuiteResult = {
    passed: count('passed'),
    failed: count('failed'),
    pending: count('pending'),
    tests,
    finished,
  };
  if (error !== undefined) result.error = error;
  return result;
}

function writeResultFile(result: SuiteResult): void {
  const file = process.env[RESULT_ENV];
  if (!file) return;
  // Write then rename, so the runner never reads half a file.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(result, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

function report(result: SuiteResult): void {
  writeResultFile(result);
  console.log(`${MARKER} RESULT ${JSON.stringify(result)}`);
}

export async function run(): Promise<void> {
  const tests: TestResult[] = [];
  let result: SuiteResult;
  try {
    const grep = process.env[GREP_ENV];
    const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, ...(grep ? { grep } : {}) });
    mocha.reporter(reporterInto(tests));
    const files = fs
      .readdirSync(__dirname)
      .filter((f) => f.endsWith('.test.js'))
      .sort();
    if (files.length === 0) throw new Error(`no *.test.js files in ${__dirname}`);
    for (const f of files) mocha.addFile(path.join(__dirname, f));
    await new Promise<void>((resolve) => mocha.run(() => resolve()));
    result = summarize(tests, true);
    if (result.passed + result.failed === 0) result = summarize(tests, true, 'no test ran');
  } catch (error) {
    result = summarize(tests, true, error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  report(result);
  if (result.error !== undefined || result.failed > 0) {
    throw new Error(result.error ?? `${result.failed} editor test(s) failed`);
  }
}
