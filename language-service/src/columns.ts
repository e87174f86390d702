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
  | 'phone' // a phone number (digits only, and plausible as a number)
  | 'id'; // a numeric ID from one of the tenant's lists, plus any `choices` with a special meaning

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
  /** Values the page does not list that still look right (a language code): warned about rather than refused. */
  readonly plausibleUnlisted?: RegExp;
  /** What an empty cell means, by row type when it differs. */
  readonly blankMeans?: string | Readonly<Record<RowType, string>>;
  /** The column's value says what the row creates: its choices are the row types. */
  readonly definesRowType?: boolean;
  /** The column must be present in the header. */
  readonly requiredColumn?: boolean;
  /** Every data row must have a value. */
  readonly requiredValue?: boolean;
  /** Column and values become mandatory when the tenant sends PIN notices by email. */
  readonly requiredWhenPinNoticesByEmail?: boolean;
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
  /** Help text in our own words; Markdown. */
  readonly help: string;
}

const yesNo: readonly Choice[] = [
  { value: 'y', meaning: 'yes — turn it on' },
  { value: 'n', meaning: 'no — leave it off' },
];

const both: readonly RowType[] = ['User', 'Location'];

function yesNoColumn<const Name extends string>(name: Name, title: string, help: string, setBy: SetBy = 'anyone') {
  const kind: ValueKind = 'yesNo';
  return { name, title, kind, choices: yesNo, blankMeans: 'the system default', setBy, appliesTo: both, help };
}

/** The table in the order of the import page; `as const` keeps each name, so `ColumnName` is derived from it. */
const TABLE = [
  {
    name: 'Type',
    title: 'Record type',
    kind: 'choice',
    choices: [
      { value: 'User', meaning: 'a person with their own extension, phone and voicemail' },
      { value: 'Location', meaning: 'a shared place such as a lobby, conference room or break room' },
    ],
    definesRowType: true,
    requiredColumn: true,
    requiredValue: true,
    namesEntry: true,
    setBy: 'anyone',
    appliesTo: both,
    help: 'Says whether the row creates a user or a location. Several defaults (such as DirAccess) depend on it.',
  },
  {
    name: 'FirstName',
    title: 'First name',
    kind: 'text',
    namesEntry: true,
    setBy: 'anyone',
    appliesTo: both,
    help: 'Given name, shown in the directory and on caller ID inside the company.',
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
    help: 'Family name, or the name of the location. The import refuses a row without it.',
  },
  {
    name: 'Email',
    title: 'Email address',
    kind: 'email',
    setBy: 'anyone',
    appliesTo: both,
    help:
      'Where the system sends notices. Becomes mandatory when the tenant sends PIN notices by email, ' +
      'and a row with SysPIN = y needs a valid address here.',
    requiredWhenPinNoticesByEmail: true,
    unique: { code: 'duplicate-email', ignoreCase: true },
    pinRole: 'noticeAddress',
  },
  {
    name: 'HomePhone',
    title: 'Home phone',
    kind: 'phone',
    setBy: 'anyone',
    appliesTo: both,
    help: 'Home number, digits only (no spaces, dashes or brackets).',
  },
  {
    name: 'MobilePhone',
    title: 'Mobile phone',
    kind: 'phone',
    setBy: 'anyone',
    appliesTo: both,
    help: 'Mobile number, digits only (no spaces, dashes or brackets).',
  },
  {
    name: 'Extension',
    title: 'Extension',
    kind: 'digits',
    setBy: 'anyone',
    appliesTo: both,
    help: 'Internal extension number, digits only. Two rows cannot share one, nor can a row take one already in use.',
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
    blankMeans: 'the tenant default language',
    setBy: 'anyone',
    appliesTo: both,
    help: 'Language of prompts and voicemail, as a language code. The import page documents `en` (English).',
  },
  {
    name: 'IncomingDID',
    title: 'Incoming DID',
    kind: 'phone',
    setBy: 'anyone',
    appliesTo: both,
    help: 'Direct inward dialing number: the outside number that rings this user or location. Digits only.',
  },
  {
    name: 'OutgoingCLID',
    title: 'Outgoing caller ID',
    kind: 'digits',
    choices: [
      { value: '-1', meaning: 'private — no number is shown to the called party' },
      { value: '0', meaning: 'default — show the site number' },
    ],
    blankMeans: 'default — show the site number',
    setBy: 'anyone',
    appliesTo: both,
    help: 'Number shown to people this user calls: -1 for private, 0 or empty for the site number, or the ID of one of the tenant DIDs.',
  },
  yesNoColumn('Privacy', 'Privacy', 'When on, the user is hidden from presence and call monitoring by others.'),
  yesNoColumn(
    'PAI',
    'P-Asserted-Identity',
    'Sends a P-Asserted-Identity header on outgoing calls. Only a telco admin importing for the tenant can set it.',
    'telcoAdmin',
  ),
  yesNoColumn(
    'HFAback',
    'Hands-free answer back',
    'When on, intercom calls to this phone are answered on the speaker.',
  ),
  yesNoColumn('Locked', 'Locked', 'When on, the user cannot change their own settings in the portal.'),
  {
    name: 'Hold',
    title: 'Hold announcement',
    kind: 'id',
    tenantList: 'holdAnnouncements',
    blankMeans: 'the tenant default announcement',
    setBy: 'anyone',
    appliesTo: both,
    help: 'ID of the announcement callers hear while on hold.',
  },
  {
    name: 'DirAccess',
    title: 'Directory access',
    kind: 'choice',
    choices: [
      { value: 'dial', meaning: 'can be reached by dialing the extension only' },
      { value: 'both', meaning: 'can be reached by dialing or by name in the directory' },
      { value: 'none', meaning: 'cannot be reached through the directory' },
    ],
    blankMeans: { User: 'both', Location: 'dial' },
    setBy: 'anyone',
    appliesTo: both,
    help: 'How callers can reach this entry through the company directory.',
  },
  {
    name: 'MaxDevices',
    title: 'Maximum devices',
    kind: 'digits',
    maxValue: { value: 9, described: 'a single digit' },
    blankMeans: 'the system default',
    setBy: 'anyone',
    appliesTo: both,
    help: 'How many phones and apps may register for this entry. The import page describes it as a single digit.',
  },
  yesNoColumn('Twin', 'Twinning', 'When on, calls also ring a second (twinned) device such as a mobile.'),
  yesNoColumn('SCR', 'Selective call routing', 'When on, calls can be routed by rules based on who calls and when.'),
  yesNoColumn('ODCR', 'On-demand call recording', 'When on, the user can start recording a call while on it.'),
  yesNoColumn('VM', 'Voicemail', 'When on, the entry gets a voicemail box.'),
  yesNoColumn('Agent', 'Call center agent', 'When on, the user can take calls as an agent in call queues.'),
  yesNoColumn(
    'Dsite',
    'Dynamic site',
    'Lets the user move between sites and take the site settings of where they sign in. Only a telco admin importing for the tenant can set it.',
    'telcoAdmin',
  ),
  {
    name: 'DsiteCLID',
    title: 'Dynamic site caller ID',
    kind: 'digits',
    setBy: 'telcoAdmin',
    appliesTo: both,
    help: 'Caller ID used when the user works from a dynamic site. Only a telco admin importing for the tenant can set it.',
  },
  {
    name: 'NumCallDsite',
    title: 'Calls at dynamic site',
    kind: 'digits',
    setBy: 'telcoAdmin',
    appliesTo: both,
    help: 'Most calls the user can have at once at a dynamic site. Only a telco admin importing for the tenant can set it.',
  },
  {
    name: 'DsiteZone',
    title: 'Dynamic site zone',
    kind: 'id',
    tenantList: 'siteZones',
    setBy: 'telcoAdmin',
    appliesTo: both,
    help: 'ID of the site zone for dynamic site use. Only a telco admin importing for the tenant can set it.',
  },
  yesNoColumn('CAdmin', 'Company admin', 'When on, the user administers this company (tenant) in the portal.'),
  yesNoColumn('EAdmin', 'Enterprise admin', 'When on, the user administers the whole enterprise in the portal.'),
  {
    name: 'CallProfile',
    title: 'Call permission group',
    kind: 'id',
    tenantList: 'callProfiles',
    blankMeans: 'the tenant default call permission group',
    setBy: 'anyone',
    appliesTo: both,
    help: 'ID of the call permission group: which numbers this entry may call.',
  },
  {
    name: 'KeyProfile',
    title: 'Key profile',
    kind: 'id',
    tenantList: 'keyProfiles',
    choices: [{ value: '-1', meaning: 'the system default key layout' }],
    blankMeans: 'the system default key layout',
    setBy: 'anyone',
    appliesTo: both,
    help: 'ID of the key profile: the layout of programmable keys on the phone. -1 means the system default.',
  },
  {
    name: 'PIN',
    title: 'Voicemail and portal PIN',
    kind: 'digits',
    secret: true,
    weakIfEqualTo: 'Extension',
    pinRole: 'pin',
    setBy: 'anyone',
    appliesTo: both,
    help: 'The PIN, digits only. When given together with SysPIN = y, this PIN is used rather than a generated one.',
  },
  {
    ...yesNoColumn(
      'SysPIN',
      'System-generated PIN',
      'When on, the system makes up a PIN. It needs a valid Email on the row; when the tenant sends PIN notices by email, ' +
        'the user receives the PIN by email. A PIN given in the PIN column wins over the generated one.',
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
