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
