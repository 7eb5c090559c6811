// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useAsk } from '@/components/use-ask';
import type { Result } from '@/lib/messages';

/** A load whose answers the test gives, one per ask. */
function answers() {
  const pending: Array<(reply: Result<string>) => void> = [];
  return { load: () => new Promise<Result<string>>((resolve) => pending.push(resolve)), pending };
}

function Shows({ load, shown }: { load: () => Promise<Result<string>>; shown?: string }) {
  const { asked } = useAsk(load, [], shown === undefined ? undefined : { answers: new Map([['key', shown]]), key: 'key' });
  return <p>{asked.state === 'ready' ? asked.value : asked.state}</p>;
}

describe('useAsk', () => {
  it('is loading until the first answer', async () => {
    const { load, pending } = answers();
    const container = document.createElement('div');
    await act(() => render(<Shows load={load} />, container));
    expect(container.textContent).toBe('loading');
    pending[0]!({ ok: true, value: 'fresh' });
    await vi.waitFor(() => expect(container.textContent).toBe('fresh'));
  });

  it('shows an answer at hand at once, never "loading", and takes the fresh one when it comes', async () => {
    const { load, pending } = answers();
    const container = document.createElement('div');
    await act(() => render(<Shows load={load} shown="last time" />, container));
    expect(container.textContent).toBe('last time');
    expect(pending).toHaveLength(1);
    pending[0]!({ ok: true, value: 'fresh' });
    await vi.waitFor(() => expect(container.textContent).toBe('fresh'));
  });
});
