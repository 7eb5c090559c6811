// @vitest-environment happy-dom
// The last-resort searches of lib/page/selectors.ts on layouts none of the
// known selectors fits: comments by their com<ID> ids, the comment box near them.
import { describe, expect, it } from 'vitest';
import { findAnchor } from '@/lib/page/selectors';

const page = (html: string) => {
  document.body.innerHTML = html;
  return document;
};

describe('anchors found by a guess', () => {
  it('finds the comments from ids of the form com<ID>, and nothing from look-alikes', () => {
    const root = page('<div id="comments_title"></div><section class="thread"><div id="com11"></div><div id="com12"></div></section>');
    const match = findAnchor(root, 'comments');
    expect(match.element?.className).toBe('thread');
    expect(match).toMatchObject({ guess: true, selector: 'the parent of the elements with id com<ID>' });

    expect(findAnchor(page('<div id="comment_form"></div><div id="comx1"></div>'), 'comments').element).toBeNull();
  });

  it('prefers a known selector to a guess', () => {
    const root = page('<div id="comments"><div id="com1"></div></div><form id="comment_form"><textarea name="text"></textarea></form>');
    expect(findAnchor(root, 'comments')).toMatchObject({ selector: '#comments' });
    expect(findAnchor(root, 'comments').guess).toBeUndefined();
    expect(findAnchor(root, 'commentEditor').selector).toBe('form#comment_form textarea[name=text]');
  });

  it('guesses the comment box after the comments, a textarea or a rich editor', () => {
    const root = page(
      '<textarea id="search"></textarea><article><section><div id="com5"></div></section><div class="reply"><div contenteditable="true" id="box"></div></div></article>',
    );
    const match = findAnchor(root, 'commentEditor');
    expect(match.element?.id).toBe('box');
    expect(match).toMatchObject({ guess: true, selector: 'a visible text box near the comments' });
  });
});
