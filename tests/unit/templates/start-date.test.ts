import { describe, expect, it } from 'vitest';
import { todayIso } from '@/components/templates/dialog';

describe("the picker's start date", () => {
  it("is today in the account's zone, not the browser's", () => {
    const lateEvening = new Date('2026-11-29T22:30:00Z');
    expect(todayIso('UTC', lateEvening)).toBe('2026-11-29');
    expect(todayIso('Europe/Kyiv', lateEvening)).toBe('2026-11-30');
    expect(todayIso('Pacific/Pago_Pago', lateEvening)).toBe('2026-11-29');
    expect(todayIso('Pacific/Kiritimati', new Date('2026-01-01T09:59:00Z'))).toBe('2026-01-01');
    expect(todayIso('Pacific/Kiritimati', new Date('2025-12-31T09:59:00Z'))).toBe('2025-12-31');
    expect(todayIso('America/New_York', new Date('2026-03-08T04:59:00Z'))).toBe('2026-03-07');
  });
});
