/**
 * What every route of a running sandbox shares.
 */
import type { SandboxDatabase } from './database';
import type { FaultState } from './faults';
import type { SandboxTokens } from './tokens';

/** Receives one line per event. Lines never hold a token, an Authorization header or a value from a file. */
export type SandboxLogger = (line: string) => void;

export interface SandboxContext {
  db: SandboxDatabase;
  tokens: SandboxTokens;
  faults: FaultState;
  /** The largest file accepted, in bytes. */
  maxBytes: number;
  log: SandboxLogger;
}
