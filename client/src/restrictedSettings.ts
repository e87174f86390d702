/**
 * What the client lets the language server know of the configuration: in an untrusted workspace, only trusted
 * values of the restricted settings (see `import/trustedValues.ts`); and a change is announced without values
 * (`settings: null`), so that the server reads the configuration again through the same filter. When the user
 * trusts the workspace, the server is told to read it again.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol';
import { CONFIG_SECTION } from '../../common/protocol';
import { isObject } from '../../common/tenantDataReader';
import { withTrustedValues } from './import/trustedValues';

/** The client's `middleware.workspace`; `keys` are the section's restricted settings (`restrictedKeys`). */
export function trustedConfigurationMiddleware(keys: readonly string[]): NonNullable<Middleware['workspace']> {
  return {
    configuration: async (params, token, next) => {
      const answer = await next(params, token);
      if (vscode.workspace.isTrusted || !Array.isArray(answer)) return answer;
      return answer.map((value: unknown, index) => {
        const { section, scopeUri } = params.items[index] ?? {};
        const config = vscode.workspace.getConfiguration(CONFIG_SECTION, scopeUri ? vscode.Uri.parse(scopeUri) : null);
        const trusted = (sectionValue: unknown) => withTrustedValues(sectionValue, keys, (key) => config.inspect(key));
        if (section === CONFIG_SECTION) return trusted(value);
        if (section === undefined && isObject(value))
          return { ...value, [CONFIG_SECTION]: trusted(value[CONFIG_SECTION]) };
        // A part of the section cannot be filtered key by key: it is not given at all.
        return section?.startsWith(`${CONFIG_SECTION}.`) ? null : value;
      });
    },
    didChangeConfiguration: (_sections, next) => next(undefined),
  };
}

/** Has the server read the configuration again once the workspace is trusted. */
export function rereadOnTrust(client: LanguageClient): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    if (client.state !== State.Running) return;
    void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  });
}
