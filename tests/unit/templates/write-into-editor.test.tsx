// @vitest-environment happy-dom
// "Insert checklist" while a comment is being written: the items go at the end
// of the comment's text, through the browser's typing (execCommand) so a rich
// editor handles them as its own input and undo takes them out (Chromium's
// path is in the e2e), else set directly, as text only.
import { beforeEach, describe, expect, it } from 'vitest';
import { writeIntoEditor } from '@/components/templates/ChecklistMenu';

const ITEMS = ['Goal agreed', '<img src=x onerror=alert(1)> assets'];

describe('the checklist written into the comment being written', () => {
  let typed: Array<{ text: string; at: string }>;
  let accept: boolean;
  beforeEach(() => {
    typed = [];
    accept = false;
    // Records what would be typed and where the caret stands (a browser that refuses it unless `accept`).
    document.execCommand = (command: string, _ui?: boolean, text?: string) => {
      const selection = document.getSelection()!;
      const anchor = selection.anchorNode;
      const field = document.activeElement instanceof HTMLTextAreaElement ? document.activeElement : null;
      const at = field ? `${field.selectionStart}-${field.selectionEnd}` : `${anchor?.nodeName}:${anchor?.textContent}@${selection.anchorOffset}`;
      typed.push({ text: `${command} ${text}`, at });
      return accept;
    };
  });

  it('a textarea: after its text, trailing blank lines dropped, one "• item" line each', () => {
    document.body.innerHTML = '<textarea>Please check:  \n\n</textarea>';
    const box = document.querySelector('textarea')!;
    const inputs: string[] = [];
    box.addEventListener('input', () => inputs.push(box.value));
    writeIntoEditor(box, ITEMS);
    expect(typed).toEqual([{ text: 'insertText \n• Goal agreed\n• <img src=x onerror=alert(1)> assets\n', at: '13-17' }]);
    expect(box.value).toBe('Please check:\n• Goal agreed\n• <img src=x onerror=alert(1)> assets\n');
    expect(inputs).toEqual([box.value]);
    expect(document.activeElement).toBe(box);
  });

  it('a rich editor: typed after its last text, not after the empty paragraphs or the white space between them', () => {
    document.body.innerHTML = '<div contenteditable="true"><p>Please <b>check</b>:</p>\n<p><br></p>\n</div>';
    const editor = document.querySelector<HTMLElement>('[contenteditable]')!;
    accept = true;
    writeIntoEditor(editor, ITEMS);
    expect(typed).toEqual([{ text: 'insertText \n• Goal agreed\n• <img src=x onerror=alert(1)> assets\n', at: '#text::@1' }]);
    expect(document.activeElement).toBe(editor);
  });

  it('a rich editor that is empty: typed inside its paragraph; refused, the items become text-only blocks', () => {
    document.body.innerHTML = '<div contenteditable="true"><p><br></p></div>';
    const editor = document.querySelector<HTMLElement>('[contenteditable]')!;
    writeIntoEditor(editor, ITEMS);
    expect(typed[0]!.at).toBe('P:@0');
    expect([...editor.children].map((block) => block.textContent)).toEqual(['', '• Goal agreed', '• <img src=x onerror=alert(1)> assets']);
    expect(editor.querySelector('img')).toBeNull();
  });

  it('a rich editor with its own model is offered the lines as a paste at the end of its text, and nothing is typed besides', () => {
    document.body.innerHTML = '<div contenteditable="true"><p>Please check:</p><p><br></p></div>';
    const editor = document.querySelector<HTMLElement>('[contenteditable]')!;
    const pasted: string[] = [];
    editor.addEventListener('paste', (event) => {
      const selection = document.getSelection()!;
      pasted.push(`${event.clipboardData!.getData('text/plain')}@${selection.anchorNode?.textContent}:${selection.anchorOffset}`);
      event.preventDefault();
    });
    writeIntoEditor(editor, ITEMS);
    expect(pasted).toEqual(['\n• Goal agreed\n• <img src=x onerror=alert(1)> assets\n@Please check::13']);
    expect(typed).toEqual([]);
    expect(editor.innerHTML).toBe('<p>Please check:</p><p><br></p>');
  });
});
