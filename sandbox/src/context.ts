/**
 * What every route of a running sandbox shares.
 */
import type { SandboxDatabase } from './database';
import type { FaultState } from './faults';
import type { ImportRunner } from './importRunner';
import type { SandboxTokens } from './tokens';

/** Receives one line per event. Lines never hold a token, an Authorization header or a value from a file. */
export type SandboxLogger = (line: string) => void;

export interface SandboxContext {
  /** The request thread's connection: reads the tenant. Imports write through `imports`. */
  db: SandboxDatabase;
  /** Carries out imports, one at a time, on the import worker's own connection. */
  imports: ImportRunner;
  tokens: SandboxTokens;
  faults: FaultState;
  /** The largest file accepted, in bytes. */
  maxBytes: number;
  log: SandboxLogger;
}
