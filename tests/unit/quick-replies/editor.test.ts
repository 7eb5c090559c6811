// @vitest-environment happy-dom
// Where a quick reply goes in the comment editor: which "/" opens the list,
// what was typed after it, and the reply put in its place with the text
// around it kept (here through the fallback for a browser that refuses
// execCommand('insertText'); Chromium's own path is in the e2e).
import { beforeEach, describe, expect, it } from 'vitest';
import { caretSpot, insertReply, returnToEditor, slashBeforeCaret, typedAfterSlash } from '@/components/quick-replies/editor';

describe('the comment editor as quick replies use it', () => {
  let box: HTMLTextAreaElement;
  beforeEach(() => {
    document.body.innerHTML = '<textarea aria-label="Comment"></textarea>';
    box = document.querySelector('textarea')!;
    // A browser that refuses the command (happy-dom has none): the fallback must keep the text around.
    document.execCommand = () => false;
  });
  const typeInto = (text: string, caret = text.length) => {
    box.value = text;
    box.setSelectionRange(caret, caret);
  };

  it('opens on a "/" at the start of the text or of a word, never inside one', () => {
    typeInto('/');
    expect(slashBeforeCaret(box)).toMatchObject({ kind: 'text', start: 0, end: 1, original: '/', slash: true });
    typeInto('Thanks! /');
    expect(slashBeforeCaret(box)).toMatchObject({ start: 8 });
    typeInto('Line one\n/');
    expect(slashBeforeCaret(box)).toMatchObject({ start: 9 });
    typeInto('(/');
    expect(slashBeforeCaret(box)).not.toBeNull();
    for (const text of ['and/', '12/', 'https:/', 'x/']) {
      typeInto(text);
      expect(slashBeforeCaret(box), text).toBeNull();
    }
    // A selection, or a caret not right after the "/", is no "/" just typed.
    box.value = 'a /';
    box.setSelectionRange(0, 3);
    expect(slashBeforeCaret(box)).toBeNull();
  });

  it('knows what was typed after the "/" while it is one word', () => {
    typeInto('Hi /');
    const spot = slashBeforeCaret(box)!;
    typeInto('Hi /st');
    expect(typedAfterSlash(spot)).toBe('st');
    typeInto('Hi /st and more');
    expect(typedAfterSlash(spot)).toBe('');
  });

  it('replaces the "/" and what was typed after it with the reply, keeping the text around, the caret after it', () => {
    typeInto('Thanks. /\nBest', 'Thanks. /'.length);
    const spot = slashBeforeCaret(box)!;
    typeInto('Thanks. /st\nBest', 'Thanks. /st'.length);
    const inputs: string[] = [];
    box.addEventListener('input', () => inputs.push(box.value));
    expect(insertReply(spot, 'Hi Anna, <b>done</b>.', 'st')).toBe(true);
    expect(box.value).toBe('Thanks. Hi Anna, <b>done</b>.\nBest');
    expect(box.selectionStart).toBe('Thanks. Hi Anna, <b>done</b>.'.length);
    // The page hears it, as it hears typing.
    expect(inputs).toEqual([box.value]);
  });

  it('replaces only the "/" when what was typed after it is gone, and nothing when the "/" is gone too', () => {
    typeInto('a /');
    const spot = slashBeforeCaret(box)!;
    typeInto('a /x');
    insertReply(spot, 'R', 'st');
    expect(box.value).toBe('a Rx');
    typeInto('a /');
    const again = slashBeforeCaret(box)!;
    typeInto('a b');
    insertReply(again, 'R');
    expect(box.value).toBe('a Rb');
  });

  it('puts the reply over the selection at the button, and Escape gives the caret back after the "/"', () => {
    typeInto('Dear client, XXX regards');
    box.setSelectionRange(13, 16);
    const spot = caretSpot(box)!;
    expect(spot).toMatchObject({ start: 13, end: 16, original: 'XXX', slash: false });
    insertReply(spot, 'thanks, kind');
    expect(box.value).toBe('Dear client, thanks, kind regards');

    typeInto('Hi /');
    const slash = slashBeforeCaret(box)!;
    typeInto('Hi /s', 0);
    returnToEditor(slash, 's');
    expect([box.selectionStart, box.selectionEnd]).toEqual([5, 5]);
    expect(document.activeElement).toBe(box);
  });

  it('says so when the editor has left the page', () => {
    typeInto('/');
    const spot = slashBeforeCaret(box)!;
    box.remove();
    expect(insertReply(spot, 'R')).toBe(false);
  });
});

describe('a rich (contenteditable) comment editor as quick replies use it', () => {
  let editor: HTMLElement;
  beforeEach(() => {
    // As CKEditor- and ProseMirror-style editors keep it: <p> paragraphs, an empty one held open by a <br>.
    document.body.innerHTML = '<div contenteditable="true" role="textbox" aria-label="Comment"><p>Dear client,</p>\n<p><br></p>\n<p>Kind regards</p></div>';
    editor = document.querySelector('[contenteditable]')!;
    document.execCommand = () => false;
  });
  const paragraphs = () => [...editor.children].map((paragraph) => paragraph.textContent);
  const caretAt = (node: Node, offset: number) => {
    editor.focus();
    document.getSelection()!.collapse(node, offset);
  };

  it('takes the caret on an empty line (no text node there) and puts the reply in that paragraph', () => {
    const empty = editor.children[1]!;
    caretAt(empty, 0);
    const spot = caretSpot(editor)!;
    expect(spot).toMatchObject({ kind: 'rich', node: empty, start: 0, end: 0, original: '', slash: false });
    expect(insertReply(spot, 'Hi Anna, <b>done</b>.')).toBe(true);
    expect(paragraphs()).toEqual(['Dear client,', 'Hi Anna, <b>done</b>.', 'Kind regards']);
    expect(editor.querySelector('b')).toBeNull();
  });

  it('without a caret in it, puts the reply after its last text, never outside its paragraphs', () => {
    document.getSelection()!.removeAllRanges();
    expect(caretSpot(editor)).toMatchObject({ node: editor.children[2]!.firstChild, start: 'Kind regards'.length });
    editor.innerHTML = '<p><br></p>';
    const spot = caretSpot(editor)!;
    expect(spot).toMatchObject({ node: editor.firstChild, start: 0 });
    insertReply(spot, 'Thanks!');
    expect(editor.innerHTML).toMatch(/^<p>Thanks!/);
  });

  it('keeps the caret given before the button took the focus, on an empty line too', () => {
    const empty = editor.children[1]!;
    const spot = caretSpot(editor, { node: empty, start: 0, end: 0 })!;
    expect(spot).toMatchObject({ node: empty, start: 0 });
    // One that has left the editor is not used.
    const gone = document.createElement('p');
    expect(caretSpot(editor, { node: gone, start: 0, end: 0 })).toMatchObject({ node: editor.children[2]!.firstChild });
  });

  it('replaces the "/" and what was typed after it in its paragraph, and Escape gives the caret back after them', () => {
    const text = editor.children[0]!.firstChild as Text;
    text.data = 'Dear client, /';
    caretAt(text, text.length);
    const spot = slashBeforeCaret(editor)!;
    expect(spot).toMatchObject({ kind: 'rich', node: text, start: 13, end: 14, slash: true });
    text.data = 'Dear client, /st';
    caretAt(text, text.length);
    expect(typedAfterSlash(spot)).toBe('st');
    // A caret in another paragraph is not what was typed after the "/".
    caretAt(editor.children[2]!.firstChild!, 4);
    expect(typedAfterSlash(spot)).toBe('');
    returnToEditor(spot, 'st');
    expect(document.getSelection()!.anchorNode).toBe(text);
    expect(document.getSelection()!.anchorOffset).toBe(16);
    insertReply(spot, 'R', 'st');
    expect(paragraphs()).toEqual(['Dear client, R', '', 'Kind regards']);
  });

  it('offers the reply as a paste of plain text over the "/" to an editor with its own model, which takes it; nothing is typed besides', () => {
    const text = editor.children[0]!.firstChild as Text;
    text.data = 'Dear client, /st';
    caretAt(text, 14);
    const spot = slashBeforeCaret(editor)!;
    const seen: string[] = [];
    // As CKEditor 5 does: it reads the pasted text and puts it in its model itself.
    editor.addEventListener('paste', (event) => {
      seen.push(`paste ${JSON.stringify(event.clipboardData!.getData('text/plain'))} over ${document.getSelection()!.toString()}`);
      event.preventDefault();
    });
    document.execCommand = (command: string) => {
      seen.push(`execCommand ${command}`);
      return true;
    };
    caretAt(text, 16);
    // The editor follows the page's selection on selectionchange: one comes before the paste, with the "/" and its query selected.
    const follow = () => seen.push(`selectionchange ${document.getSelection()!.toString()}`);
    document.addEventListener('selectionchange', follow);
    expect(insertReply(spot, 'Hi Anna,\n\n<b>done</b>.', 'st')).toBe(true);
    document.removeEventListener('selectionchange', follow);
    expect(seen.slice(-2)).toEqual(['selectionchange /st', 'paste "Hi Anna,\\n\\n<b>done</b>." over /st']);
    expect(seen.filter((entry) => entry.startsWith('execCommand'))).toEqual([]);
    // The editor renders its model itself: the page's text is its business.
    expect(text.data).toBe('Dear client, /st');
  });
});
