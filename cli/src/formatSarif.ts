/**
 * SARIF 2.1.0 output, for code scanning in CI. The rules come from the diagnostic catalog, so every code the
 * library can report is described, with its help (`sarifHelp.ts`), even when no file reports it. Regions are
 * 1-based; columns count UTF-16 code units, as LSP positions do.
 */
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Artifact, Notification, ReportingDescriptor, Result, Run } from 'sarif';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { CATALOG, type DiagnosticCode } from '@subscriber-csv/language-service';
import { nestedJson } from './formatJson';
import type { Formatter } from './formatter';
import { ruleHelp } from './sarifHelp';
import { TOOL_NAME, TOOL_VERSION } from './toolInfo';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Artifact URIs are relative to this base, which stands for the directory the CLI ran in. */
export const SOURCE_ROOT = '%SRCROOT%';

const CODES = Object.keys(CATALOG) as DiagnosticCode[];

/** SARIF has no "hint": both information and hints are notes. */
function sarifLevel(severity: DiagnosticSeverity | undefined): Result.level {
  switch (severity ?? DiagnosticSeverity.Error) {
    case DiagnosticSeverity.Error:
      return 'error';
    case DiagnosticSeverity.Warning:
      return 'warning';
    default:
      return 'note';
  }
}

export function sarifRules(): ReportingDescriptor[] {
  return CODES.map((code) => ({
    id: code,
    shortDescription: { text: CATALOG[code].title },
    help: ruleHelp(CATALOG[code]),
    defaultConfiguration: { level: sarifLevel(CATALOG[code].severity) },
  }));
}

/** A path as a relative URI reference: forward slashes, each segment percent-encoded. */
export function artifactUri(path: string, cwd: string): string {
  return relative(cwd, resolve(cwd, path)).split(sep).map(encodeURIComponent).join('/');
}

function sarifResult(diagnostic: Diagnostic, uri: string, artifactIndex: number, column: string | null): Result {
  const code = String(diagnostic.code);
  const { start, end } = diagnostic.range;
  const ruleIndex = CODES.indexOf(code as DiagnosticCode);
  return {
    ruleId: code,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: sarifLevel(diagnostic.severity),
    message: { text: diagnostic.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: SOURCE_ROOT, index: artifactIndex },
          region: {
            startLine: start.line + 1,
            startColumn: start.character + 1,
            endLine: end.line + 1,
            endColumn: end.character + 1,
          },
        },
      },
    ],
    ...(column !== null ? { properties: { column } } : {}),
  };
}

/**
 * The log, written as the results arrive: the run's tool first, then every result, then the artifacts (the files,
 * known only at the end; every file named, those that could not be read included) and the invocation, which names
 * each file that could not be read in a notification. Laid out as `JSON.stringify(log, null, 2)` would lay it out; SARIF readers do not depend on
 * the order of a run's properties.
 */
export function createSarifFormatter(cwd: string): Formatter {
  const artifacts: Artifact[] = [];
  /** Files that could not be read at all: listed as artifacts too, with the reason as a notification. */
  const unreadable: Notification[] = [];
  let results = 0;
  let uri = '';
  const tool: Run['tool'] = {
    driver: { name: TOOL_NAME, version: TOOL_VERSION, rules: sarifRules() },
  };
  const baseIds: Run['originalUriBaseIds'] = { [SOURCE_ROOT]: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } };
  return {
    start() {
      return (
        `{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    {\n` +
        `      "tool": ${nestedJson(tool, 3)},\n      "originalUriBaseIds": ${nestedJson(baseIds, 3)},\n` +
        `      "columnKind": "utf16CodeUnits",\n      "results": [`
      );
    },
    fileStarted(path) {
      uri = artifactUri(path, cwd);
      artifacts.push({ location: { uri, uriBaseId: SOURCE_ROOT } });
      return '';
    },
    diagnostics(_path, batch) {
      let text = '';
      for (const { diagnostic, column } of batch) {
        const result = sarifResult(diagnostic, uri, artifacts.length - 1, column);
        text += `${results++ === 0 ? '' : ','}\n        ${nestedJson(result, 4)}`;
      }
      return text;
    },
    fileEnded: () => '',
    fileUnreadable(path, message) {
      const location = { uri: artifactUri(path, cwd), uriBaseId: SOURCE_ROOT };
      artifacts.push({ location });
      unreadable.push({
        level: 'error',
        message: { text: message },
        locations: [{ physicalLocation: { artifactLocation: { ...location, index: artifacts.length - 1 } } }],
      });
      return '';
    },
    finish() {
      const invocations: Run['invocations'] = [
        {
          executionSuccessful: unreadable.length === 0,
          ...(unreadable.length > 0 ? { toolExecutionNotifications: unreadable } : {}),
        },
      ];
      return (
        `${results === 0 ? '' : '\n      '}],\n      "artifacts": ${nestedJson(artifacts, 3)},\n` +
        `      "invocations": ${nestedJson(invocations, 3)}\n    }\n  ]\n}\n`
      );
    },
  };
}
