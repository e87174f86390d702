// Hover help, as the editor asks for it (vscode.executeHoverProvider runs every hover provider).
import * as assert from 'assert';
import { cellRange, hoverText, openFixture } from './helpers';

describe('hover', () => {
  it('explains a column on its header cell', async () => {
    const document = await openFixture('team.subscribers.csv');
    const text = await hoverText(document.uri, cellRange(document, 0, 'LastName').start.translate(0, 2));
    assert.match(text, /\*\*LastName\*\* — Last name/);
    assert.match(text, /Last name \(text\), or the name of a location \(our reading\)/);
    assert.match(text, /The page makes this column mandatory/);
  });

  it('suggests the right name on a misspelt header', async () => {
    const document = await openFixture('team.subscribers.csv');
    const text = await hoverText(document.uri, cellRange(document, 0, 'Extention').start.translate(0, 1));
    assert.match(text, /`Extention` is not an import column\. Did you mean \*\*Extension\*\*\?/);
  });

  it('says what a y/n value means on a data cell', async () => {
    const document = await openFixture('clean.subscribers.csv');
    const text = await hoverText(document.uri, cellRange(document, 1, 'VM').start);
    assert.match(text, /`y` = yes\n/);
    assert.match(text, /\*\*VM\*\* — Voicemail/);
  });

  it('names a tenant ID from the workspace settings', async () => {
    const document = await openFixture('clean.subscribers.csv');
    const text = await hoverText(document.uri, cellRange(document, 1, 'CallProfile').start);
    // subscriberCsv.tenant.callProfiles in the fixture workspace's .vscode/settings.json
    assert.match(text, /`1` = Local only/);
  });
});
