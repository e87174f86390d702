/**
 * The configuration the language server may see while the workspace is not trusted. VS Code already ignores a
 * workspace's values of the settings listed in the manifest's `capabilities.untrustedWorkspaces.
 * restrictedConfigurations` in Restricted Mode; the client does not leave it at that for those it hands the server
 * (`filePatterns` and the tenant lists): in an untrusted workspace each of them is replaced with the user's own
 * value, or the default. Pure: the editor's configuration is read through `inspect`.
 */
import { isObject } from '../../../common/tenantDataReader';

/** A setting's values by scope, as `WorkspaceConfiguration.inspect` gives them; only the trusted ones are read. */
export type Inspect = (key: string) => { globalValue?: unknown; defaultValue?: unknown } | undefined;

/** The keys of `section` that the manifest restricts, relative to the section (`tenant.siteZones`). */
export function restrictedKeys(manifest: unknown, section: string): string[] {
  const capabilities = isObject(manifest) ? manifest.capabilities : undefined;
  const untrusted = isObject(capabilities) ? capabilities.untrustedWorkspaces : undefined;
  const keys = isObject(untrusted) ? untrusted.restrictedConfigurations : undefined;
  if (!Array.isArray(keys)) return [];
  return keys
    .filter((key): key is string => typeof key === 'string' && key.startsWith(`${section}.`))
    .map((key) => key.slice(section.length + 1));
}

/** `value` (a section as the editor answered it) with each of `keys` holding the user's value or the default. */
export function withTrustedValues(value: unknown, keys: readonly string[], inspect: Inspect): unknown {
  if (!isObject(value)) return value;
  const copy = structuredClone(value);
  for (const key of keys) {
    const scopes = inspect(key);
    put(copy, key.split('.'), scopes?.globalValue ?? scopes?.defaultValue);
  }
  return copy;
}

/** Sets (or, for undefined, removes) the value at `path`, making the objects on the way. */
function put(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [first, ...rest] = path;
  if (rest.length === 0) {
    if (value === undefined) delete target[first];
    else target[first] = structuredClone(value);
    return;
  }
  let next = target[first];
  if (!isObject(next)) {
    if (value === undefined) return;
    next = {};
    target[first] = next;
  }
  put(next as Record<string, unknown>, rest, value);
}
