import { describe, expect, it } from 'vitest';
import { usedByPageCode } from '../../../scripts/page-build';

// Page catalogs (page/messages/<locale>.js) carry only the messages page code uses.
describe('which messages page code uses', () => {
  const code = "let a=t(`barTaskDone`),b=t('barRegion'),c=tn(\"waitMinutes\",n),d={x:`loadFailed`};";

  it('finds a key written as a literal in any quotes', () => {
    expect(usedByPageCode(code, 'barTaskDone')).toBe(true);
    expect(usedByPageCode(code, 'barRegion')).toBe(true);
    expect(usedByPageCode(code, 'loadFailed')).toBe(true);
  });

  it('finds every plural form through its base', () => {
    for (const form of ['one', 'few', 'many', 'other']) expect(usedByPageCode(code, `waitMinutes_${form}`)).toBe(true);
    expect(usedByPageCode(code, 'waitHours_one')).toBe(false);
  });

  it('does not take a key for a longer one it begins, or for a word in other text', () => {
    expect(usedByPageCode(code, 'barTask')).toBe(false);
    expect(usedByPageCode("title=`the barSettings button`", 'barSettings')).toBe(false);
    expect(usedByPageCode(code, 'optionsTitle')).toBe(false);
  });
});
