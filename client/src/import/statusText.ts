/**
 * What the language status items say: the file's state (errors, warnings, ready to import) and where the tenant
 * data comes from. Pure: the status module puts the text on the items.
 */
import { plural } from './text';

export interface FileState {
  isSubscriberFile: boolean;
  errors: number;
  warnings: number;
  users: number;
  locations: number;
}

export type FileStatusCommand = 'import' | 'showProblems' | 'treatAsSubscriberFile';

export interface StatusText {
  text: string;
  detail: string;
  severity: 'info' | 'warning' | 'error';
  command?: FileStatusCommand;
}

export function fileStatusText(state: FileState | undefined): StatusText {
  if (!state)
    return { text: '$(sync~spin) Checking', detail: 'Waiting for the subscriber CSV server', severity: 'info' };
  if (!state.isSubscriberFile) {
    return {
      text: 'Not a subscriber file',
      detail: 'The header names no import column',
      severity: 'info',
      command: 'treatAsSubscriberFile',
    };
  }
  const rows = `${plural(state.users, 'user')}, ${plural(state.locations, 'location')}`;
  if (state.errors > 0) {
    const counts = [plural(state.errors, 'error'), ...(state.warnings > 0 ? [plural(state.warnings, 'warning')] : [])];
    // The item's severity already shows an error icon.
    return {
      text: counts.join(', '),
      detail: `Fix before importing · ${rows}`,
      severity: 'error',
      command: 'showProblems',
    };
  }
  if (state.users + state.locations === 0) {
    return { text: 'Nothing to import', detail: 'No user or location rows', severity: 'info' };
  }
  if (state.warnings > 0) {
    return {
      text: `Ready to import, ${plural(state.warnings, 'warning')}`,
      detail: rows,
      severity: 'warning',
      command: 'import',
    };
  }
  return { text: '$(check) Ready to import', detail: rows, severity: 'info', command: 'import' };
}

export interface TenantState {
  /** The endpoint's host; undefined when no endpoint is set. */
  host: string | undefined;
  hasToken: boolean;
  loading: boolean;
  /** The tenant's name and when its data was fetched, when loaded. */
  loaded?: { name: string; fetchedAt: string; summary: string };
  /** Why the last fetch failed, if it did. */
  lastError?: string;
}

export function tenantStatusText(state: TenantState): StatusText {
  if (!state.host) {
    return {
      text: 'Tenant data from settings',
      detail: 'No endpoint is set (subscriberCsv.endpoint)',
      severity: 'info',
    };
  }
  if (!state.hasToken) {
    return { text: 'Tenant data from settings', detail: `No API token for ${state.host}`, severity: 'info' };
  }
  if (state.loading) return { text: '$(sync~spin) Loading tenant data', detail: state.host, severity: 'info' };
  if (state.loaded) {
    return {
      text: `Tenant: ${state.loaded.name}`,
      detail: `${state.loaded.summary} · ${state.host}, ${state.loaded.fetchedAt}`,
      severity: state.lastError ? 'warning' : 'info',
    };
  }
  return {
    text: 'Tenant data not loaded',
    detail: state.lastError ?? `Refresh to load it from ${state.host}`,
    severity: state.lastError ? 'warning' : 'info',
  };
}
