/**
 * Where a quick reply goes in Worksection's comment editor, and putting it
 * there. A spot is a stretch of the editor's text (the `/` just typed, or
 * the caret or selection when the button was pressed). Inserting selects it
 * and types the reply with execCommand('insertText'), so the editor keeps
 * the user's text around it and its undo history (Ctrl+Z takes the reply
 * out again); a rich editor with a model of its own is offered it as a paste
 * of plain text first (lib/page/comment-editor.ts); where the browser refuses
 * both, the text is set directly. The reply is text: it never goes in as HTML.
 */
import { endOfText, offerAsPaste } from '@/lib/page/comment-editor';

interface SpotBase {
  start: number;
  end: number;
  /** The text the spot covered when it was taken: the `/`, or the selection. */
  original: string;
  /** A `/` typed to open the list (not the button's caret or selection). */
  slash: boolean;
}

export type EditorSpot =
  | (SpotBase & { kind: 'text'; editor: HTMLTextAreaElement | HTMLInputElement })
  | (SpotBase & { kind: 'rich'; editor: HTMLElement; node: RichNode });

/**
 * Where a rich editor's caret is: in a text node (offsets in its text), or
 * between an element's children (offsets in its child nodes), as on an empty
 * line, `<p><br></p>`, where there is no text node to stand in.
 */
type RichNode = Text | Element;
export interface RichCaret {
  node: RichNode;
  start: number;
  end: number;
}

const isText = (node: Node): node is Text => node.nodeType === Node.TEXT_NODE;

const isTextField = (element: Element): element is HTMLTextAreaElement | HTMLInputElement =>
  element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement;

/** A word starts at the start of the text or after white space (or an opening bracket or quote). */
const wordStarts = (before: string | undefined) => before === undefined || /[\s([{«“"']/.test(before);

/**
 * The selection inside a rich editor: in one text node, or a caret between an
 * element's children (null when it is elsewhere, or spans nodes).
 */
function richSelection(editor: HTMLElement): RichCaret | null {
  const selection = editor.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const node = range.startContainer;
  if (!editor.contains(node) || node !== range.endContainer) return null;
  if (isText(node)) return { node, start: range.startOffset, end: range.endOffset };
  return node.nodeType === Node.ELEMENT_NODE && range.collapsed ? { node: node as Element, start: range.startOffset, end: range.startOffset } : null;
}

/** The `/` just typed at the start of a word, right before the caret; null for any other `/` (a date, a URL, "and/or"). */
export function slashBeforeCaret(editor: Element): EditorSpot | null {
  if (isTextField(editor)) {
    const caret = editor.selectionStart;
    if (caret === null || caret !== editor.selectionEnd || caret < 1) return null;
    const value = editor.value;
    if (value[caret - 1] !== '/' || !wordStarts(value[caret - 2])) return null;
    return { kind: 'text', editor, start: caret - 1, end: caret, original: '/', slash: true };
  }
  if (!(editor instanceof HTMLElement) || !editor.isContentEditable) return null;
  const at = richSelection(editor);
  if (!at || !isText(at.node) || at.start !== at.end || at.start < 1) return null;
  const text = at.node.data;
  if (text[at.start - 1] !== '/' || !wordStarts(at.start >= 2 ? text[at.start - 2] : undefined)) return null;
  return { kind: 'rich', editor, node: at.node, start: at.start - 1, end: at.start, original: '/', slash: true };
}

/** The caret or selection in the editor now (the button's spot): a text field keeps its own when it loses focus. */
export function caretSpot(editor: Element, lastRich?: RichCaret | null): EditorSpot | null {
  if (isTextField(editor)) {
    const start = editor.selectionStart ?? editor.value.length;
    const end = editor.selectionEnd ?? start;
    return { kind: 'text', editor, start, end, original: editor.value.slice(start, end), slash: false };
  }
  if (!(editor instanceof HTMLElement) || !editor.isContentEditable) return null;
  // No caret in it yet: at the end of its text.
  const found = richSelection(editor) ?? lastRich;
  const end = endOfText(editor);
  const at = found && editor.contains(found.node) ? found : { node: end.node, start: end.offset, end: end.offset };
  return { kind: 'rich', editor, ...at, original: isText(at.node) ? at.node.data.slice(at.start, at.end) : '', slash: false };
}

/** The rich editor's current selection, to keep while focus is in the list. */
export const richCaret = (editor: HTMLElement) => richSelection(editor);

/** The text a spot's offsets count in ('' between an element's children, where they count the children). */
const textOf = (spot: EditorSpot) => (spot.kind === 'text' ? spot.editor.value : isText(spot.node) ? spot.node.data : '');
const sizeOf = (spot: EditorSpot) => (spot.kind === 'rich' && !isText(spot.node) ? spot.node.childNodes.length : textOf(spot).length);

/**
 * What was typed after a slash spot's `/`, up to the caret, while it is one
 * word (the query typed before the list had opened); '' when the caret moved away.
 */
export function typedAfterSlash(spot: EditorSpot): string {
  const rich = spot.kind === 'rich' ? richSelection(spot.editor) : null;
  const caret = spot.kind === 'text' ? spot.editor.selectionStart : rich?.node === spot.node ? rich.start : undefined;
  if (caret === null || caret === undefined || caret < spot.end) return '';
  const typed = textOf(spot).slice(spot.end, caret);
  return /\s/.test(typed) ? '' : typed;
}

/**
 * Puts `text` in place of the spot, widened by `typed` characters after it
 * when they are still what was typed there (the `/` and its query go, the
 * reply comes), else at the spot's start. Focus ends in the editor with the
 * caret after the reply. Returns false when the spot's editor left the page.
 */
export function insertReply(spot: EditorSpot, text: string, typed = ''): boolean {
  if (!spot.editor.isConnected || (spot.kind === 'rich' && !spot.editor.contains(spot.node))) return false;
  const current = textOf(spot);
  const start = Math.min(spot.start, sizeOf(spot));
  const covers = (what: string) => current.slice(start, start + what.length) === what;
  // The `/` and its query while they are still there; the `/` alone; else nothing is replaced.
  const end = covers(spot.original + typed) ? start + spot.original.length + typed.length : covers(spot.original) ? start + spot.original.length : start;
  const document = spot.editor.ownerDocument;
  spot.editor.focus();
  if (spot.kind === 'text') {
    spot.editor.setSelectionRange(start, end);
    const before = spot.editor.value;
    const done = document.execCommand('insertText', false, text);
    if (!done || spot.editor.value === before) {
      spot.editor.setRangeText(text, start, end, 'end');
      // 'end' should leave the caret after the reply; not every implementation does.
      spot.editor.setSelectionRange(start + text.length, start + text.length);
      spot.editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    }
    return true;
  }
  const range = document.createRange();
  range.setStart(spot.node, start);
  range.setEnd(spot.node, end);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  if (offerAsPaste(spot.editor, text)) return true;
  if (!document.execCommand('insertText', false, text)) {
    range.deleteContents();
    const inserted = document.createTextNode(text);
    range.insertNode(inserted);
    selection?.collapse(inserted, inserted.length);
    spot.editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  }
  return true;
}

/** Back to the editor without inserting: after the `/` and what was typed after it, or the selection as it was. */
export function returnToEditor(spot: EditorSpot, typed = ''): void {
  if (!spot.editor.isConnected) return;
  spot.editor.focus();
  const length = sizeOf(spot);
  const start = Math.min(spot.slash ? spot.end + typed.length : spot.start, length);
  const end = Math.min(spot.slash ? start : spot.end, length);
  if (spot.kind === 'text') spot.editor.setSelectionRange(start, end);
  else if (spot.node.isConnected) {
    const range = spot.editor.ownerDocument.createRange();
    range.setStart(spot.node, start);
    range.setEnd(spot.node, end);
    const selection = spot.editor.ownerDocument.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
}
