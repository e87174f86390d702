/**
 * The 32 columns of an OfficeSuite UC subscriber import file, as one declarative table.
 *
 * Validation, hover and completion all read this table: adding a column is adding a row here, and every
 * behaviour that belongs to one column (unique values, a secret, a condition that makes it mandatory) is an
 * attribute here that a generic rule reads, never a branch on the column's name. Facts come from the vendor's
 * "Import Users" page; the wording is ours.
 */
import type { DiagnosticCode } from './catalog/diagnosticCodes';
import type { TenantListName } from './tenant';

/** What kind of value a column holds; each kind has one generic checker in `values/valueCheck.ts`. */
export type ValueKind =
  | 'choice' // one of `choices`
  | 'yesNo' // y or n
  | 'text' // free text
  | 'email' // an email address
  | 'digits' // digits only
  | 'phone' // a phone number: its digits plausible as a number
  | 'id'; // a numeric ID from one of the tenant's lists, plus any `choices` with a special meaning

/**
 * How the vendor's page describes a column's values, which decides how strictly they are checked: `digits` (the
 * page says digits, or "the digit = ID": anything else is an error), `phoneNumber` (the page says "phone number":
 * spaces, dashes, dots, brackets and a leading + are accepted around the digits), `unstated` (the page says what the
 * column holds but not its format: we expect digits, and only warn).
 */
export type PageFormat = 'digits' | 'phoneNumber' | 'unstated';

/** Who the import lets set a column. Telco-only columns are dropped when a tenant admin imports. */
export type SetBy = 'anyone' | 'telcoAdmin';

export type RowType = 'User' | 'Location';

/** The part a column plays in the page's PIN rules: the address PIN notices go to, the PIN, the "make one up" flag. */
export type PinRole = 'noticeAddress' | 'pin' | 'generatePin';

export interface Choice {
  readonly value: string;
  readonly meaning: string;
}

/** A column as the table declares it; `ColumnSpec` is the same with its names checked against the table. */
interface ColumnDefinition {
  /** The column's name as the vendor spells it; headers match it case-insensitively. */
  readonly name: string;
  /** A short title for hovers and completion details. */
  readonly title: string;
  readonly kind: ValueKind;
  /** Allowed values with their meaning (kind `choice`, `yesNo`), or special values (kind `id`, `digits`). */
  readonly choices?: readonly Choice[];
  /** For kinds `digits`, `phone` and `id`: how the page describes the values (see `PageFormat`). */
  readonly pageFormat?: PageFormat;
  /** Values the page does not list that still look right (a language code): warned about rather than refused. */
  readonly plausibleUnlisted?: RegExp;
  /** What an empty cell means, by row type when it differs: only where the page says so. */
  readonly blankMeans?: string | Readonly<Record<RowType, string>>;
  /** The column's value says what the row creates: its choices are the row types. */
  readonly definesRowType?: boolean;
  /** The column must be present in the header. */
  readonly requiredColumn?: boolean;
  /** Every data row must have a value. */
  readonly requiredValue?: boolean;
  /**
   * The page makes the column mandatory when the tenant's PIN notification setting includes email. Its cells are
   * not: an empty one is flagged (a warning) only on rows of `pinNoticeRowTypes`.
   */
  readonly requiredWhenPinNoticesByEmail?: boolean;
  /** Row types whose empty cell here means no PIN notice by email (our reading: a location has nobody to tell). */
  readonly pinNoticeRowTypes?: readonly RowType[];
  readonly setBy: SetBy;
  readonly appliesTo: readonly RowType[];
  /** For kind `id`: the tenant list whose IDs are valid here. */
  readonly tenantList?: TenantListName;
  /** The tenant's values already taken (`TenantContext.extensionsInUse`): a row may not take one. */
  readonly takenOnTenant?: boolean;
  /**
   * With the extension, tells which entry a row names (docs/import-api.md, "Importing again"): a row whose values
   * here are the entry's own updates that entry instead of taking its extension (`TenantContext.knownHolders`).
   */
  readonly namesEntry?: boolean;
  /** For kind `digits`: the largest value the page's wording allows without question, and that wording. */
  readonly maxValue?: { readonly value: number; readonly described: string };
  /** No two rows may share a value: the code reported on each, and whether letter case counts. */
  readonly unique?: { readonly code: DiagnosticCode; readonly ignoreCase?: boolean };
  /** The value is a secret (a PIN): messages and logs never repeat it. */
  readonly secret?: boolean;
  /** A value equal to this column's value on the same row is easy to guess (a PIN equal to the extension). */
  readonly weakIfEqualTo?: string;
  readonly pinRole?: PinRole;
  /**
   * Help text in our own words, Markdown: what the page says of the column, and anything more marked as our reading.
   */
  readonly help: string;
}

const yesNo: readonly Choice[] = [
  { value: 'y', meaning: 'yes' },
  { value: 'n', meaning: 'no' },
];

const both: readonly RowType[] = ['User', 'Location'];

function yesNoColumn<const Name extends string>(name: Name, title: string, help: string, setBy: SetBy = 'anyone') {
  const kind: ValueKind = 'yesNo';
  // The page says nothing of an empty y/n cell, so no `blankMeans`.
  return { name, title, kind, choices: yesNo, setBy, appliesTo: both, help };
}

/** The table in the order of the import page; `as const` keeps each name, so `ColumnName` is derived from it. */
const TABLE = [
  {
    name: 'Type',
    title: 'Record type',
    kind: 'choice',
    choices: [
      { value: 'User', meaning: 'the row creates a user' },
      { value: 'Location', meaning: 'the row creates a location' },
    ],
    definesRowType: true,
    requiredColumn: true,
    requiredValue: true,
    namesEntry: true,
    setBy: 'anyone',
    appliesTo: both,
    help:
      'Whether the row creates a user or a location; the page makes the column mandatory. What an empty DirAccess means ' +
      'depends on it. (Our reading: a location is a shared place such as a lobby or a conference room.)',
  },
  {
    name: 'FirstName',
    title: 'First name',
    kind: 'text',
    namesEntry: true,
    setBy: 'anyone',
    appliesTo: both,
    help: 'First name (text).',
  },
  {
    name: 'LastName',
    title: 'Last name',
    kind: 'text',
    namesEntry: true,
    requiredColumn: true,
    requiredValue: true,
    setBy: 'anyone',
    appliesTo: both,
    help: 'Last name (text), or the name of a location (our reading). The page makes the column mandatory.',
  },
  {
    name: 'Email',
    title: 'Email address',
    kind: 'email',
    setBy: 'anyone',
    appliesTo: both,
    help:
      'An email address. The page makes the column mandatory when the tenant’s PIN notification setting is Email ' +
      'or Email and Display, and a row with SysPIN = y needs a valid address here.',
    requiredWhenPinNoticesByEmail: true,
    pinNoticeRowTypes: ['User'],
    unique: { code: 'duplicate-email', ignoreCase: true },
    pinRole: 'noticeAddress',
  },
  {
    name: 'HomePhone',
    title: 'Home phone',
    kind: 'phone',
    pageFormat: 'digits',
    setBy: 'anyone',
    appliesTo: both,
    help: 'Home phone number; the page asks for digits (no spaces, dashes or brackets).',
  },
  {
    name: 'MobilePhone',
    title: 'Mobile phone',
    kind: 'phone',
    pageFormat: 'digits',
    setBy: 'anyone',
    appliesTo: both,
    help: 'Mobile phone number; the page asks for digits (no spaces, dashes or brackets).',
  },
  {
    name: 'Extension',
    title: 'Extension',
    kind: 'digits',
    pageFormat: 'digits',
    setBy: 'anyone',
    appliesTo: both,
    help:
      'Extension number; the page asks for digits. (Our reading: an extension rings one entry, so two rows cannot ' +
      'share one, nor can a row take one the tenant already uses.)',
    unique: { code: 'duplicate-extension' },
    takenOnTenant: true,
  },
  {
    name: 'Language',
    title: 'Language',
    kind: 'choice',
    choices: [{ value: 'en', meaning: 'English' }],
    // Language codes look like "en" or "en-US"; such a code is plausible even when the page does not list it.
    plausibleUnlisted: /^[a-z]{2}(?:[-_][a-z]{2})?$/i,
    setBy: 'anyone',
    appliesTo: both,
    help: 'Language, as a code: the page documents `en` (English) and no other, and says nothing of an empty cell.',
  },
  {
    name: 'IncomingDID',
    title: 'Incoming DID',
    kind: 'phone',
    pageFormat: 'phoneNumber',
    setBy: 'anyone',
    appliesTo: both,
    help:
      'Incoming DID; the page calls it a phone number (not digits), so `+1 617-555-0100` is accepted. (Our reading: ' +
      'the outside number that rings this entry.)',
  },
  {
    name: 'OutgoingCLID',
    title: 'Outgoing caller ID',
    kind: 'digits',
    pageFormat: 'digits',
    choices: [
      { value: '-1', meaning: 'Private' },
      { value: '0', meaning: 'default: use the site number' },
    ],
    blankMeans: 'default: use the site number',
    setBy: 'anyone',
    appliesTo: both,
    help:
      'Outgoing caller ID (digits): the page gives -1 for Private, 0 or empty for the default (the site number), ' +
      'or another valid ID of a DID.',
  },
  yesNoColumn('Privacy', 'Privacy', 'Privacy, y or n. The page does not say what it covers.'),
  yesNoColumn(
    'PAI',
    'P-Asserted-Identity',
    'P-Asserted-Identity, y or n; applied only when a telco admin imports for the tenant. (Our reading: whether ' +
      'calls carry a P-Asserted-Identity header.)',
    'telcoAdmin',
  ),
  yesNoColumn(
    'HFAback',
    'Hands-free answer back',
    'Hands-free answer back, y or n. (Our reading: intercom calls are answered on the speaker.)',
  ),
  yesNoColumn('Locked', 'Locked', 'Locked, y or n. The page does not say what is locked.'),
  {
    name: 'Hold',
    title: 'Hold announcement',
    kind: 'id',
    pageFormat: 'unstated',
    tenantList: 'holdAnnouncements',
    setBy: 'anyone',
    appliesTo: both,
    help: 'The hold announcement id. The page gives no format (we expect digits) and says nothing of an empty cell.',
  },
  {
    name: 'DirAccess',
    title: 'Directory access',
    kind: 'choice',
    choices: [
      { value: 'dial', meaning: 'can only be dialed' },
      { value: 'both', meaning: 'can be dialed or accessed by name' },
      { value: 'none', meaning: 'none (the page does not say more)' },
    ],
    blankMeans: { User: 'both', Location: 'dial' },
    setBy: 'anyone',
    appliesTo: both,
    help: 'Directory access. An empty cell takes the default, which the page gives by row type.',
  },
  {
    name: 'MaxDevices',
    title: 'Maximum devices',
    kind: 'digits',
    pageFormat: 'digits',
    maxValue: { value: 9, described: '"digit"' },
    setBy: 'anyone',
    appliesTo: both,
    help: 'Maximum devices; the page says "digit". (Our reading: how many phones and apps may register.)',
  },
  yesNoColumn('Twin', 'Twinning', 'Twinning, y or n. (Our reading: calls also ring a second device.)'),
  yesNoColumn('SCR', 'Selective call routing', 'Selective call routing, y or n.'),
  yesNoColumn('ODCR', 'On-demand call recording', 'On-demand call recording, y or n.'),
  yesNoColumn('VM', 'Voicemail', 'Voicemail, y or n.'),
  yesNoColumn('Agent', 'Agent', 'Agent, y or n. (Our reading: a call center agent.)'),
  yesNoColumn(
    'Dsite',
    'Dynamic site',
    'Dynamic site, y or n; applied only when a telco admin imports for the tenant.',
    'telcoAdmin',
  ),
  {
    name: 'DsiteCLID',
    title: 'Dynamic site caller ID',
    kind: 'digits',
    pageFormat: 'unstated',
    setBy: 'telcoAdmin',
    appliesTo: both,
    help:
      'Dynamic site CLID; applied only when a telco admin imports for the tenant. The page gives no format (we ' +
      'expect digits).',
  },
  {
    name: 'NumCallDsite',
    title: 'Calls at dynamic site',
    kind: 'digits',
    pageFormat: 'unstated',
    setBy: 'telcoAdmin',
    appliesTo: both,
    help:
      'Maximum calls for the dynamic site; applied only when a telco admin imports for the tenant. The page gives no ' +
      'format (we expect digits).',
  },
  {
    name: 'DsiteZone',
    title: 'Dynamic site zone',
    kind: 'id',
    pageFormat: 'digits',
    tenantList: 'siteZones',
    setBy: 'telcoAdmin',
    appliesTo: both,
    help: 'The site zone id (the page: the digit is the ID); applied only when a telco admin imports for the tenant.',
  },
  yesNoColumn('CAdmin', 'Company admin', 'Company admin, y or n.'),
  yesNoColumn('EAdmin', 'Enterprise admin', 'Enterprise admin, y or n.'),
  {
    name: 'CallProfile',
    title: 'Call permission group',
    kind: 'id',
    pageFormat: 'unstated',
    tenantList: 'callProfiles',
    blankMeans: 'the tenant default call permission group',
    setBy: 'anyone',
    appliesTo: both,
    help:
      'The call permission group id; if none is given, the page says the tenant default is assigned. The page gives ' +
      'no format (we expect digits).',
  },
  {
    name: 'KeyProfile',
    title: 'Key profile',
    kind: 'id',
    pageFormat: 'digits',
    tenantList: 'keyProfiles',
    choices: [{ value: '-1', meaning: 'the system setting default' }],
    setBy: 'anyone',
    appliesTo: both,
    help:
      'The key profile id (the page: the digit is the ID; -1 is the system setting default). The page says nothing ' +
      'of an empty cell.',
  },
  {
    name: 'PIN',
    title: 'PIN',
    kind: 'digits',
    pageFormat: 'digits',
    secret: true,
    weakIfEqualTo: 'Extension',
    pinRole: 'pin',
    setBy: 'anyone',
    appliesTo: both,
    help: 'The PIN (digits). The page says that given together with SysPIN = y, this PIN is applied rather than a generated one.',
  },
  {
    ...yesNoColumn(
      'SysPIN',
      'System-generated PIN',
      'System-generated PIN, y or n. The page says y needs a valid Email on the row; when the tenant’s PIN ' +
        'notification setting includes email, the user is emailed the PIN details; a PIN given in the PIN column is ' +
        'applied instead of a generated one.',
    ),
    pinRole: 'generatePin',
  },
] as const satisfies readonly ColumnDefinition[];

/** The name of one of the 32 columns, checked by the compiler wherever a column is named in code. */
export type ColumnName = (typeof TABLE)[number]['name'];

/** A column of the table, with the column names it holds checked against the table. */
export interface ColumnSpec extends ColumnDefinition {
  readonly name: ColumnName;
  readonly weakIfEqualTo?: ColumnName;
}

export const COLUMNS: readonly ColumnSpec[] = TABLE;

const byLowerName = new Map(COLUMNS.map((column) => [column.name.toLowerCase(), column]));

/** Finds a column by a header name, ignoring case and surrounding spaces. */
export function findColumn(headerName: string): ColumnSpec | undefined {
  return byLowerName.get(headerName.trim().toLowerCase());
}

/** What an empty cell of this column means for a row of the given type. */
export function blankMeaning(column: ColumnSpec, rowType: RowType | undefined): string | undefined {
  const blank = column.blankMeans;
  if (blank === undefined || typeof blank === 'string') return blank;
  if (rowType) return blank[rowType];
  return `${blank.User} for a User, ${blank.Location} for a Location`;
}
