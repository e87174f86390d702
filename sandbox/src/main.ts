/**
 * `npm run sandbox [-- --port N] [--db PATH] [--max-bytes N] [--request-timeout S] [--pin-notification VALUE]
 * [--json]`: starts the sandbox
 * endpoint and prints, once, its URL and the tokens to use. Printing the tokens to the terminal that started it is
 * the point of this command; the request log that follows never holds one.
 */
import { parseArgs } from 'node:util';
import { PIN_NOTIFICATIONS, type PinNotification } from '@subscriber-csv/language-service';
import { DEFAULT_DB_PATH, DEFAULT_MAX_BYTES, DEFAULT_PORT, DEFAULT_REQUEST_TIMEOUT_MS, startSandbox } from './sandbox';
import { FAULTS_PATH } from './routes';

const USAGE = `Usage: npm run sandbox -- [options]

Starts a local import endpoint (docs/sandbox.md) with a seeded tenant, stored in a SQLite file.

Options:
  --port N                  port on 127.0.0.1 (default ${DEFAULT_PORT}, env SANDBOX_PORT; 0 picks a free one)
  --db PATH                 SQLite file (default ${DEFAULT_DB_PATH}, env SANDBOX_DB)
  --max-bytes N             largest file accepted (default ${DEFAULT_MAX_BYTES}, env SANDBOX_MAX_BYTES)
  --request-timeout S       seconds a request may take to arrive, headers and body (default ${DEFAULT_REQUEST_TIMEOUT_MS / 1000})
  --pin-notification VALUE  none, display, email or emailAndDisplay (changes the stored tenant)
  --json                    print the start-up details as one JSON line instead (for test runners)
  -h, --help                show this help

Tokens come from SANDBOX_TOKEN (tenant admin), SANDBOX_TELCO_TOKEN and SANDBOX_READONLY_TOKEN, or are generated.
`;

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      'max-bytes': { type: 'string' },
      'request-timeout': { type: 'string' },
      'pin-notification': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const pinNotification = values['pin-notification'];
  if (pinNotification !== undefined && !(PIN_NOTIFICATIONS as readonly string[]).includes(pinNotification)) {
    throw new Error(`--pin-notification must be one of ${PIN_NOTIFICATIONS.join(', ')}.`);
  }
  const dbPath = values.db ?? env.SANDBOX_DB ?? DEFAULT_DB_PATH;
  const maxBytes = whole('--max-bytes', values['max-bytes'] ?? env.SANDBOX_MAX_BYTES, DEFAULT_MAX_BYTES);
  const requestTimeoutSeconds = whole(
    '--request-timeout',
    values['request-timeout'],
    DEFAULT_REQUEST_TIMEOUT_MS / 1000,
  );
  if (requestTimeoutSeconds < 1) throw new Error('--request-timeout must be at least 1 second.');
  const sandbox = await startSandbox({
    port: whole('--port', values.port ?? env.SANDBOX_PORT, DEFAULT_PORT),
    dbPath,
    maxBytes,
    requestTimeoutMs: requestTimeoutSeconds * 1000,
    tokens: {
      tenantAdmin: env.SANDBOX_TOKEN,
      telcoAdmin: env.SANDBOX_TELCO_TOKEN,
      readOnly: env.SANDBOX_READONLY_TOKEN,
    },
    pinNotification: pinNotification as PinNotification | undefined,
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  const origin = env.SANDBOX_TOKEN ? 'from SANDBOX_TOKEN' : 'generated; set SANDBOX_TOKEN to keep one';
  if (values.json) {
    // One line that test runners parse, rather than scraping the text for people below.
    const { url, endpoint, port, token, tokens } = sandbox;
    console.log(JSON.stringify({ url, endpoint, port, token, tokens, db: dbPath }));
  } else
    console.log(`Subscriber CSV sandbox: a local import endpoint (docs/sandbox.md)
  endpoint           ${sandbox.endpoint}
  token              ${sandbox.token}   (tenant admin, ${origin})
  telco admin token  ${sandbox.tokens.telcoAdmin}
  read-only token    ${sandbox.tokens.readOnly}
  database           ${dbPath} (${sandbox.db.countSubscribers()} users and locations)
  largest file       ${maxBytes} bytes
  fault hooks        ${sandbox.url}${FAULTS_PATH}
Try: SUBSCRIBER_CSV_TOKEN=<token> subscriber-csv import examples/clean.subscribers.csv --endpoint ${sandbox.endpoint}
     (the CLI installed from its package, docs/cli.md; or node bin/subscriber-csv.js after npm run build)
Ctrl+C stops the sandbox.`);

  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function whole(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^[0-9]+$/.test(value)) throw new Error(`${flag} must be a whole number, not "${value}".`);
  return Number(value);
}

main(process.argv.slice(2), process.env).catch((error: unknown) => {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
