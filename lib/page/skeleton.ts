/**
 * A page's layout without its data: what a user sends us when Account Desk
 * doesn't know their Worksection layout. It is HTML again (so the selector
 * tests can load it as a fixture) with only the structure left: tags, ids,
 * classes, the names of data-* attributes, and depth. Every text, every other
 * attribute and every attribute value but id and class is dropped; digits in
 * ids become 0 (ids carry task and comment numbers), and so do numbers of
 * three digits or more in classes ("level1" and "ws2-card" are layout;
 * "user_4217" is not). Long runs of alike siblings (5,000 task rows) keep
 * their first few.
 */

/** Siblings of one shape kept before the rest of the run is only counted. */
const KEPT_ALIKE = 3;
/** Elements written at most (about 100 KB); a longer page is cut, and says so. */
const MAX_ELEMENTS = 1500;
/** Elements whose content is not layout. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const scrubId = (value: string) => value.replace(/\d/g, '0');
const scrubClass = (value: string) => value.replace(/\d{3,}/g, (digits) => '0'.repeat(digits.length));
const safeName = (name: string) => /^[a-z][a-z0-9-]*$/.test(name);

/** `div#tasks_images.panel[data-id]`: what makes two siblings alike. */
function shape(element: Element): string {
  const classes = [...element.classList].map(scrubClass).sort().join('.');
  const data = element
    .getAttributeNames()
    .filter((name) => name.startsWith('data-'))
    .sort()
    .join(',');
  return `${element.localName}#${scrubId(element.id)}.${classes}[${data}]`;
}

function openTag(element: Element): string {
  const parts = [element.localName];
  if (element.id) parts.push(`id="${scrubId(element.id)}"`);
  const classes = [...element.classList].map(scrubClass).filter((name) => /^[\w-]+$/.test(name));
  if (classes.length > 0) parts.push(`class="${classes.join(' ')}"`);
  for (const name of element.getAttributeNames()) {
    if (name.startsWith('data-') && safeName(name)) parts.push(name);
  }
  // Which controls a page has matters for finding its comment box; their content doesn't.
  if (element.hasAttribute('contenteditable')) parts.push('contenteditable');
  const type = element.getAttribute('type');
  if (element.localName === 'input' && type && /^[a-z]+$/.test(type)) parts.push(`type="${type}"`);
  return `<${parts.join(' ')}>`;
}

export interface Skeleton {
  html: string;
  elements: number;
}

/** The skeleton of `root` (usually document.body), skipping Account Desk's own elements. */
export function layoutSkeleton(root: Element, ourPrefix = 'account-desk-'): Skeleton {
  const lines: string[] = [];
  let written = 0;
  let dropped = 0;

  const walk = (element: Element, depth: number) => {
    const indent = '  '.repeat(depth);
    const tag = element.localName;
    if (written >= MAX_ELEMENTS) {
      dropped++;
      return;
    }
    written++;
    if (!safeName(tag) || SKIPPED.has(tag)) {
      if (safeName(tag)) lines.push(`${indent}<${tag}></${tag}>`);
      return;
    }
    if (VOID.has(tag)) {
      lines.push(`${indent}${openTag(element)}`);
      return;
    }
    const children = [...element.children].filter((child) => !child.localName.startsWith(ourPrefix));
    if (children.length === 0) {
      lines.push(`${indent}${openTag(element)}</${tag}>`);
      return;
    }
    lines.push(`${indent}${openTag(element)}`);
    let runShape = '';
    let runLength = 0;
    const closeRun = () => {
      if (runLength > KEPT_ALIKE) lines.push(`${indent}  <!-- ${runLength - KEPT_ALIKE} more like the one above -->`);
    };
    for (const child of children) {
      const childShape = shape(child);
      if (childShape === runShape) runLength++;
      else {
        closeRun();
        runShape = childShape;
        runLength = 1;
      }
      if (runLength <= KEPT_ALIKE) walk(child, depth + 1);
    }
    closeRun();
    lines.push(`${indent}</${tag}>`);
  };

  walk(root, 0);
  if (dropped > 0) lines.push(`<!-- cut here: the page has more than ${MAX_ELEMENTS} elements -->`);
  return { html: `${lines.join('\n')}\n`, elements: written };
}
