import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  cliCommandFor,
  EXTENSION_SYNC_LIMIT_BYTES,
  isTooLargeForExtensions,
  largeFileMessage,
} from '../../client/src/import/largeFileNotice';

describe('files over VS Code’s 50 MB limit for extensions', () => {
  it('draws the line at 50 MiB, as VS Code does', () => {
    assert.equal(EXTENSION_SYNC_LIMIT_BYTES, 52_428_800);
    assert.equal(isTooLargeForExtensions(52_428_800), false);
    assert.equal(isTooLargeForExtensions(52_428_801), true);
  });

  it('says why the file is not checked and points to the CLI', () => {
    assert.equal(
      largeFileMessage('all.subscribers.csv', 60 * 1024 * 1024),
      'all.subscribers.csv is 60 MB. VS Code does not pass files over 50 MB to extensions, so it cannot be checked ' +
        'as you type. Check it from a terminal with the subscriber-csv CLI, which streams files of any size.',
    );
  });

  it('quotes the path for the shell, quotes inside it too', () => {
    assert.equal(cliCommandFor('data/all users.csv'), "subscriber-csv check 'data/all users.csv'");
    assert.equal(cliCommandFor("o'brien.csv"), "subscriber-csv check 'o'\\''brien.csv'");
  });
});
