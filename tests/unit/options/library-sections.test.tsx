// @vitest-environment happy-dom
// The personal libraries in options (templates, quick replies): Delete takes
// two presses, Cancel keeps the item, and the list follows the background.
import { describe, expect, it, vi } from 'vitest';
import { QuickRepliesSection } from '@/components/quick-replies/QuickRepliesSection';
import { TemplatesSection } from '@/components/templates/TemplatesSection';
import { ask } from '@/lib/messages';
import { twelveNodeTemplate } from '../templates/fixtures';
import { button, extensionPageTest, press } from './page-support';

describe('deleting from a personal library in options', () => {
  const show = extensionPageTest();

  const findButton = (root: ParentNode, name: string) => vi.waitFor(() => button(root, name));
  const buttonNames = (root: ParentNode) => [...root.querySelectorAll('button')].map((each) => each.getAttribute('aria-label') ?? each.textContent?.trim());

  it('asks again before deleting a quick reply, keeps it on Cancel and deletes it on the second press', async () => {
    const saved = await ask('quick-replies/personal/save', { reply: { id: 'r1', title: 'Invoice sent', body: 'The invoice is in your inbox.' } });
    expect(saved.ok).toBe(true);
    const mounted = show(<QuickRepliesSection />);
    const root = mounted.container;

    press(await findButton(root, 'Delete “Invoice sent”'));
    // Armed: the second step names the reply; Cancel puts Delete back and changes nothing.
    press(button(root, 'Cancel'));
    expect(buttonNames(root)).toContain('Delete “Invoice sent”');
    expect(buttonNames(root)).not.toContain('Delete “Invoice sent” for good');
    const kept = await ask('quick-replies/personal/list', {});
    expect(kept.ok && kept.value.map((reply) => reply.title)).toEqual(['Invoice sent']);

    press(button(root, 'Delete “Invoice sent”'));
    press(button(root, 'Delete “Invoice sent” for good'));
    await vi.waitFor(() => expect(root.textContent).not.toContain('Invoice sent'));
    const left = await ask('quick-replies/personal/list', {});
    expect(left.ok && left.value).toEqual([]);
  });

  it('asks again before deleting a template, keeps it on Cancel and deletes it on the second press', async () => {
    const template = twelveNodeTemplate();
    const saved = await ask('templates/personal/save', { template });
    expect(saved.ok).toBe(true);
    const mounted = show(<TemplatesSection />);
    const root = mounted.container;

    press(await findButton(root, `Delete ${template.name}`));
    press(button(root, 'Cancel'));
    expect(buttonNames(root)).toContain(`Delete ${template.name}`);
    const kept = await ask('templates/personal/list', {});
    expect(kept.ok && kept.value.map((each) => each.name)).toEqual([template.name]);

    press(button(root, `Delete ${template.name}`));
    press(button(root, `Delete “${template.name}”`));
    await vi.waitFor(async () => {
      const left = await ask('templates/personal/list', {});
      expect(left.ok && left.value).toEqual([]);
    });
    await vi.waitFor(() => expect(buttonNames(root)).not.toContain(`Delete ${template.name}`));
  });
});
