/**
 * Hover help. The cursor is marked with `|`.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { hoverAt, hoverTextAt, settingsWith } from './helpers/service';

describe('hover on a header cell', () => {
  it('describes the column: meaning, allowed values, default by row type, who may set it', () => {
    const text = hoverTextAt('Type,Dir|Access,LastName\nLocation,,Lobby\n');
    assert.match(text, /^\*\*DirAccess\*\* — Directory access/);
    assert.match(text, /An empty cell takes the default, which the page gives by row type\./);
    assert.match(text, /Allowed values \(the page\):\n- `dial` — can only be dialed\n- `both` — .*\n- `none` — /);
    assert.match(text, /Empty means \(the page\): both for a User, dial for a Location\./);
    assert.doesNotMatch(text, /telco admin/);
  });

  it('has the range of the header cell', () => {
    assert.deepEqual(hoverAt('Type,Dir|Access,LastName\n')?.range, {
      start: { line: 0, character: 5 },
      end: { line: 0, character: 14 },
    });
  });

  it('works at both edges of the cell and on a quoted name', () => {
    assert.match(hoverTextAt('|Type,LastName\n'), /^\*\*Type\*\*/);
    assert.match(hoverTextAt('Type|,LastName\n'), /^\*\*Type\*\*/);
    assert.match(hoverTextAt('Type,"Last|Name"\n'), /^\*\*LastName\*\*/);
    assert.match(hoverTextAt('type,LASTNAME|\n'), /^\*\*LastName\*\*/);
  });

  it('says that Type and LastName are mandatory', () => {
    assert.match(hoverTextAt('Ty|pe,LastName\n'), /The page makes this column mandatory: every row needs a value\./);
    assert.match(hoverTextAt('Type,Last|Name\n'), /The page makes this column mandatory/);
    assert.doesNotMatch(hoverTextAt('Type,LastName,First|Name\n'), /mandatory/);
  });

  it('says when Email is mandatory because of the PIN notification setting', () => {
    const marked = 'Type,LastName,Em|ail\n';
    assert.match(
      hoverTextAt(marked, settingsWith({ pinNotification: 'email' })),
      /Mandatory for this tenant: its PIN notification setting is "Email"/,
    );
    assert.match(
      hoverTextAt(marked, settingsWith({ pinNotification: 'emailAndDisplay' })),
      /Mandatory for this tenant: its PIN notification setting is "Email and Display"/,
    );
    assert.doesNotMatch(hoverTextAt(marked, settingsWith({ pinNotification: 'display' })), /Mandatory/);
    assert.doesNotMatch(hoverTextAt(marked), /Mandatory/);
  });

  it('says that only a telco admin can set a telco-only column', () => {
    for (const column of ['PAI', 'Dsite', 'DsiteCLID', 'NumCallDsite', 'DsiteZone']) {
      assert.match(
        hoverTextAt(`Type,LastName,${column}|\n`),
        /The page: applied only when a telco admin imports on behalf of the tenant/,
      );
    }
  });

  it('gives OutgoingCLID and KeyProfile special values and CallProfile its default', () => {
    const clid = hoverTextAt('Type,LastName,Outgoing|CLID\n');
    assert.match(clid, /Special values \(the page\):\n- `-1` — Private\n- `0` — default: use the site number/);
    assert.match(clid, /Empty means \(the page\): default: use the site number\./);
    // -1 is no digit: the hover never says "digits only" beside it.
    assert.doesNotMatch(clid, /[Dd]igits only/);
    const keyProfile = hoverTextAt('Type,LastName,Key|Profile\n');
    assert.match(keyProfile, /- `-1` — the system setting default/);
    assert.match(keyProfile, /The page says nothing of an empty cell\./);
    assert.doesNotMatch(keyProfile, /Empty means/);
    assert.match(
      hoverTextAt('Type,LastName,Call|Profile\n'),
      /Empty means \(the page\): the tenant default call permission group\./,
    );
  });

  it('says that MaxDevices is "digit" on the page, and 0–9 is our reading of it', () => {
    const text = hoverTextAt('Type,LastName,Max|Devices\n');
    assert.match(text, /the page says "digit"/);
    assert.match(text, /We read "digit" as 0–9; larger numbers get a warning\./);
  });

  // The page lists these columns with no more than a name and y,n (or a code): nothing else is stated as fact.
  it('states as fact only what the page says, and marks the rest as our reading', () => {
    const privacy = hoverTextAt('Type,LastName,Priv|acy\n');
    assert.match(privacy, /The page does not say what it covers\./);
    assert.doesNotMatch(privacy, /hidden|presence|monitor/);
    const locked = hoverTextAt('Type,LastName,Lock|ed\n');
    assert.match(locked, /The page does not say what is locked\./);
    assert.doesNotMatch(locked, /portal|cannot change/);
    const language = hoverTextAt('Type,LastName,Lang|uage\n');
    assert.match(language, /says nothing of an empty cell/);
    assert.doesNotMatch(language, /Empty means|tenant default/);
    assert.match(hoverTextAt('Type,LastName,Incoming|DID\n'), /the page calls it a phone number \(not digits\)/);
    assert.match(hoverTextAt('Type,LastName,T|win\n'), /\(Our reading: calls also ring a second device\.\)/);
    assert.doesNotMatch(hoverTextAt('Type,LastName,V|M\n'), /Empty means/);
  });

  it('lists the tenant IDs when they are known', () => {
    const settings = settingsWith({ lists: { keyProfiles: [{ id: '4', name: 'Reception' }] } });
    assert.match(
      hoverTextAt('Type,LastName,Key|Profile\n', settings),
      /Tenant IDs \(from the tenant data or settings\):\n- `4` — Reception/,
    );
  });

  it('escapes tenant names, so that Markdown in them shows as written', () => {
    const settings = settingsWith({
      lists: { callProfiles: [{ id: '1', name: '*Sales* [click](http://x) <b>' }] },
    });
    assert.match(
      hoverTextAt('Type,LastName,Call|Profile\n', settings),
      /- `1` — \\\*Sales\\\* \\\[click\\\]\\\(http\\:\\\/\\\/x\\\) \\<b\\>/,
    );
    assert.match(
      hoverTextAt('Type,LastName,CallProfile\nUser,Lee,|1\n', settings),
      /^`1` = \\\*Sales\\\* \\\[click\\\]/,
    );
  });

  it('on an unknown column suggests the nearest name', () => {
    const hover = hoverAt('Type,LastName,Exten|tion\n');
    assert.deepEqual(hover?.contents, {
      kind: 'markdown',
      value: '`Extention` is not an import column. Did you mean **Extension**?',
    });
    assert.deepEqual(hover?.range, { start: { line: 0, character: 14 }, end: { line: 0, character: 23 } });
    assert.equal(
      hoverTextAt('Type,LastName,Depart|ment\n'),
      '`Department` is not an import column. The import ignores its values (our reading).',
    );
  });

  it('shows a header name holding backticks or line breaks as written, in one code span', () => {
    assert.equal(
      hoverTextAt('Type,LastName,"a`b|``c"\n'),
      '```a`b``c``` is not an import column. The import ignores its values (our reading).',
    );
    assert.equal(
      hoverTextAt('Type,LastName,"x|\ny"\n'),
      '`x y` is not an import column. The import ignores its values (our reading).',
    );
  });

  it('on a column with no name says the import has nowhere to put its values', () => {
    assert.equal(
      hoverTextAt('Type,LastName,|\n'),
      'This column has no name, so the import has nowhere to put its values (our reading).',
    );
  });
});

describe('hover on a data cell', () => {
  it('gives the meaning of the value first, then the column', () => {
    const text = hoverTextAt('Type,LastName,OutgoingCLID\nUser,Lee,-|1\n');
    assert.match(text, /^`-1` = Private\n\n---\n\n\*\*OutgoingCLID\*\*/);
    assert.match(hoverTextAt('Type,LastName,OutgoingCLID\nUser,Lee,0|\n'), /^`0` = default: use the site number/);
  });

  it('gives the DirAccess default of the row type on an empty cell', () => {
    const marked = (type: string) => `Type,LastName,DirAccess\n${type},Lee,|\n`;
    const user = hoverTextAt(marked('User'));
    const location = hoverTextAt(marked('Location'));
    assert.match(user, /^Empty: both \(the page\)\./);
    assert.match(user, /Empty means \(the page\): both\./);
    assert.match(location, /^Empty: dial \(the page\)\./);
    assert.match(location, /Empty means \(the page\): dial\./);
    // Type in another case is still read for the default; an unknown type gives both defaults.
    assert.match(hoverTextAt(marked('location')), /^Empty: dial \(the page\)\./);
    assert.match(hoverTextAt(marked('Room')), /Empty means \(the page\): both for a User, dial for a Location\./);
  });

  it('has the range of the data cell, across lines for a quoted cell', () => {
    assert.deepEqual(hoverAt('Type,LastName,DirAccess\nUser,Lee,bo|th\n')?.range, {
      start: { line: 1, character: 9 },
      end: { line: 1, character: 13 },
    });
    assert.deepEqual(hoverAt('Type,LastName\nUser,"Le|e\nJr."\n')?.range, {
      start: { line: 1, character: 5 },
      end: { line: 2, character: 4 },
    });
  });

  it('gives the meaning of y and n', () => {
    assert.match(hoverTextAt('Type,LastName,VM\nUser,Lee,y|\n'), /^`y` = yes\n/);
    assert.match(hoverTextAt('Type,LastName,VM\nUser,Lee,|n\n'), /^`n` = no\n/);
  });

  it('names a known tenant ID', () => {
    const settings = settingsWith({ lists: { callProfiles: [{ id: '2', name: 'Long distance' }] } });
    assert.match(
      hoverTextAt('Type,LastName,CallProfile\nUser,Lee,|2\n', settings),
      /^`2` = Long distance \(tenant data\)/,
    );
  });

  it('describes only the column when the value has no special meaning', () => {
    assert.match(hoverTextAt('Type,LastName,Extension\nUser,Lee,1|01\n'), /^\*\*Extension\*\*/);
  });

  it('is absent under an unknown column and past the header width', () => {
    assert.equal(hoverAt('Type,LastName,Department\nUser,Lee,Sa|les\n'), null);
    assert.equal(hoverAt('Type,LastName\nUser,Lee,ex|tra\n'), null);
  });

  it('keeps UTF-16 ranges with non-ASCII text before the cell', () => {
    // "User," 5 + "Müller " 7 + the emoji 2 (a surrogate pair) + "," 1.
    assert.deepEqual(hoverAt('Type,LastName,VM\nUser,Müller 😀,|y\n')?.range, {
      start: { line: 1, character: 15 },
      end: { line: 1, character: 16 },
    });
  });
});
