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
    assert.match(text, /How callers can reach this entry through the company directory\./);
    assert.match(text, /Allowed values:\n- `dial` — .*\n- `both` — .*\n- `none` — /);
    assert.match(text, /Empty means: both for a User, dial for a Location\./);
    assert.match(text, /Any admin who imports can set it\./);
  });

  it('has the range of the header cell', () => {
    assert.deepEqual(hoverAt('Type,Dir|Access\n')?.range, {
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
    assert.match(hoverTextAt('Ty|pe,LastName\n'), /Mandatory column; every row needs a value\./);
    assert.match(hoverTextAt('Type,Last|Name\n'), /Mandatory column/);
    assert.doesNotMatch(hoverTextAt('Type,LastName,First|Name\n'), /Mandatory/);
  });

  it('says when Email is mandatory because of the PIN notification setting', () => {
    const marked = 'Type,LastName,Em|ail\n';
    assert.match(hoverTextAt(marked, settingsWith({ pinNotification: 'email' })), /Mandatory here/);
    assert.match(hoverTextAt(marked, settingsWith({ pinNotification: 'emailAndDisplay' })), /Mandatory here/);
    assert.doesNotMatch(hoverTextAt(marked, settingsWith({ pinNotification: 'display' })), /Mandatory/);
    assert.doesNotMatch(hoverTextAt(marked), /Mandatory/);
  });

  it('says that only a telco admin can set a telco-only column', () => {
    for (const column of ['PAI', 'Dsite', 'DsiteCLID', 'NumCallDsite', 'DsiteZone']) {
      assert.match(hoverTextAt(`Type,LastName,${column}|\n`), /Only a telco admin importing on behalf of the tenant/);
    }
  });

  it('gives OutgoingCLID and KeyProfile special values and CallProfile its default', () => {
    const clid = hoverTextAt('Type,LastName,Outgoing|CLID\n');
    assert.match(clid, /Special values:\n- `-1` — private.*\n- `0` — default/);
    assert.match(clid, /Empty means: default — show the site number\./);
    assert.match(hoverTextAt('Type,LastName,Key|Profile\n'), /- `-1` — the system default key layout/);
    assert.match(
      hoverTextAt('Type,LastName,Call|Profile\n'),
      /Empty means: the tenant default call permission group\./,
    );
  });

  it('says that MaxDevices is a single digit and digit columns take digits only', () => {
    const text = hoverTextAt('Type,LastName,Max|Devices\n');
    assert.match(text, /single digit \(0–9\)/);
    assert.match(text, /Digits only\./);
  });

  it('lists the tenant IDs when they are known', () => {
    const settings = settingsWith({ lists: { keyProfiles: [{ id: '4', name: 'Reception' }] } });
    assert.match(hoverTextAt('Type,LastName,Key|Profile\n', settings), /Tenant IDs:\n- `4` — Reception/);
  });

  it('on an unknown column suggests the nearest name', () => {
    const hover = hoverAt('Type,LastName,Exten|tion\n');
    assert.deepEqual(hover?.contents, {
      kind: 'markdown',
      value: '`Extention` is not an import column. Did you mean **Extension**?',
    });
    assert.deepEqual(hover?.range, { start: { line: 0, character: 14 }, end: { line: 0, character: 23 } });
    assert.equal(hoverTextAt('Type,LastName,Depart|ment\n'), '`Department` is not an import column.');
  });
});

describe('hover on a data cell', () => {
  it('gives the meaning of the value first, then the column', () => {
    const text = hoverTextAt('Type,LastName,OutgoingCLID\nUser,Lee,-|1\n');
    assert.match(text, /^`-1` = private — no number is shown to the called party\n\n---\n\n\*\*OutgoingCLID\*\*/);
    assert.match(hoverTextAt('Type,LastName,OutgoingCLID\nUser,Lee,0|\n'), /^`0` = default — show the site number/);
  });

  it('gives the DirAccess default of the row type on an empty cell', () => {
    const marked = (type: string) => `Type,LastName,DirAccess\n${type},Lee,|\n`;
    const user = hoverTextAt(marked('User'));
    const location = hoverTextAt(marked('Location'));
    assert.match(user, /^Empty: both\./);
    assert.match(user, /Empty means: both\./);
    assert.match(location, /^Empty: dial\./);
    assert.match(location, /Empty means: dial\./);
    // Type in another case is still read for the default; an unknown type gives both defaults.
    assert.match(hoverTextAt(marked('location')), /^Empty: dial\./);
    assert.match(hoverTextAt(marked('Room')), /Empty means: both for a User, dial for a Location\./);
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
    assert.match(hoverTextAt('Type,LastName,VM\nUser,Lee,y|\n'), /^`y` = yes — turn it on/);
    assert.match(hoverTextAt('Type,LastName,VM\nUser,Lee,|n\n'), /^`n` = no — leave it off/);
  });

  it('names a known tenant ID', () => {
    const settings = settingsWith({ lists: { callProfiles: [{ id: '2', name: 'Long distance' }] } });
    assert.match(hoverTextAt('Type,LastName,CallProfile\nUser,Lee,|2\n', settings), /^`2` = Long distance/);
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
