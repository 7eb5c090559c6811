/**
 * Worksection's comment editor as features write into it, when it is a rich
 * (contenteditable) editor: CKEditor- or ProseMirror-style, its text in `<p>`
 * paragraphs, an empty one held open by a `<br>`.
 */

/** A caret position: in a text node (an offset in its text), or between an element's children (an offset among them). */
export interface EditorPosition {
  node: Text | Element;
  offset: number;
}

/**
 * The end of a rich editor's text: after its last text (white space between
 * paragraphs is not text), else inside its last paragraph, before the `<br>`
 * that keeps an empty one open, where the editor's own typing would go.
 */
export function endOfText(editor: Element): EditorPosition {
  const document = editor.ownerDocument;
  const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT, (node) => (/\S/.test(node.nodeValue ?? '') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP));
  let last: Text | null = null;
  while (walker.nextNode()) last = walker.currentNode as Text;
  if (last) return { node: last, offset: last.length };
  let block: Element = editor;
  while (block.lastElementChild && block.lastElementChild.localName !== 'br') block = block.lastElementChild;
  return { node: block, offset: block.childNodes.length - (block.lastChild?.nodeName === 'BR' ? 1 : 0) };
}

/**
 * Offers `text` to a rich editor as a paste of plain text at the page's
 * selection; true when the editor took it (it cancelled the paste). Editors
 * that keep their own model (CKEditor 5, ProseMirror…) render over changes
 * made to their DOM by anyone else, execCommand('insertText') included, so
 * the text would vanish; a paste goes through their own input handling, into
 * their paragraphs and their undo history. A plain contenteditable ignores a
 * paste that no user made, and the caller types the text instead.
 *
 * Firefox gives a constructed paste event an empty clipboard whatever it is
 * made with: there the text is offered as a `beforeinput` of `insertText`
 * instead, which such editors take the same way (and cancel).
 */
export function offerAsPaste(editor: HTMLElement, text: string): boolean {
  if (typeof DataTransfer === 'undefined' || typeof ClipboardEvent === 'undefined') return false;
  // Such editors follow the page's selection on selectionchange, which the browser sends only later.
  editor.ownerDocument.dispatchEvent(new Event('selectionchange'));
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  const paste = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
  if (paste.clipboardData?.getData('text/plain') !== text) {
    const typing = new InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true });
    editor.dispatchEvent(typing);
    return typing.defaultPrevented;
  }
  editor.dispatchEvent(paste);
  return paste.defaultPrevented;
}

