/**
 * Folding: the rows under the header, and each row spread over several lines by a quoted line break.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getFoldingRanges } from '../src/features/foldingRanges';
import { csv } from '../../test/unit/helpers/dedent';
import { modelOf as parsedOf, service, settingsWith } from '../../test/unit/helpers/service';
import type { SubscriberModel } from '../src/model/subscriberModel';

/** White-box: the features take the library's model, which `parse` makes behind the opaque document. */
const modelOf = (text: string) => parsedOf(text) as SubscriberModel;

const spans = (text: string) => getFoldingRanges(modelOf(text)).map((range) => `${range.startLine}-${range.endLine}`);

describe('folding ranges', () => {
  it('folds the rows under the header, trailing blank lines left out', () => {
    assert.deepEqual(spans('\nType,LastName\nUser,Lee\nUser,Ng\n\n\n'), ['1-3']);
  });

  it('folds each row that a quoted line break spreads over several lines', () => {
    const text = csv`
      Type,LastName,Notes
      User,Lee,"one
      two
      three"
      User,Ng,x
      User,"O
      K",y
    `;
    assert.deepEqual(spans(text), ['0-6', '1-3', '5-6']);
  });

  it('gives none for a header alone, and stops at the most ranges asked for', () => {
    assert.deepEqual(spans('Type,LastName\n'), []);
    const many = 'Type,Notes\n' + Array.from({ length: 5 }, () => 'User,"a\nb"').join('\n') + '\n';
    assert.equal(getFoldingRanges(modelOf(many), 3).length, 3);
  });

  it('gives none for a CSV that is not a subscriber file', () => {
    assert.deepEqual(service.getFoldingRanges(modelOf('sku,qty\nA-1,2\nB,3\n'), settingsWith()), []);
  });
});
