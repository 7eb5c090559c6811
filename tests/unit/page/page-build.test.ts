import { describe, expect, it } from 'vitest';
import { linkChunk } from '../../../scripts/page-build';

// scripts/page-build.ts: page chunks linked without relative URLs (use_dynamic_url).
describe('page chunk links', () => {
  const files = new Set(['worksection-ui.js', 'chunks/Picker-1.js', 'chunks/Menu-2.js']);
  const entry = (code: string) => linkChunk({ fileName: 'worksection-ui.js', isEntry: true, code }, 'worksection-ui.js', files);
  const chunk = (code: string) => linkChunk({ fileName: 'chunks/Picker-1.js', isEntry: false, code }, 'worksection-ui.js', files);

  it("imports chunks through runtime.getURL and hands the entry's exports to them in one frozen object", () => {
    const out = entry('function f(){return import(`./chunks/Picker-1.js`)}const c=1;export{f as a,c as b};');
    expect(out).toContain('import(globalThis.chrome.runtime.getURL("/page/chunks/Picker-1.js"))');
    expect(out).not.toContain('./chunks/');
    expect(out.trim().split('\n').at(-1)).toBe('globalThis.__accountDeskPage=Object.freeze({a:f,b:c});');
  });

  it("turns a chunk's import of the entry into reading that object, and its imports of siblings into getURL", () => {
    const out = chunk('import{a as e,b as t}from"../worksection-ui.js";export function p(){e();return import("./Menu-2.js")}');
    expect(out).toContain('const{a:e,b:t}=globalThis.__accountDeskPage;');
    expect(out).toContain('import(globalThis.chrome.runtime.getURL("/page/chunks/Menu-2.js"))');
    expect(out).not.toMatch(/\bfrom\s*"/);
  });

  it('leaves an address the code computes itself alone', () => {
    const code = 'export function m(l){return import(chrome.runtime.getURL(`/page/messages/${l}.js`))}';
    expect(chunk(code)).toBe(code);
  });

  it('refuses an exported binding that is assigned again (a chunk would keep a stale copy), but not a shadowing local', () => {
    expect(() => entry('let x=1;function g(){x=2}export{x as a,g as b};')).toThrow(/exports x and assigns it again/);
    expect(() => entry('let x=1;function g(){x++}export{x as a,g as b};')).toThrow(/exports x and assigns it again/);
    expect(entry('let x=1;function g(x){x=2;let y;[y]=[x];return y}export{x as a,g as b};')).toContain('Object.freeze({a:x,b:g})');
  });

  it('refuses a chunk that imports another chunk statically, or a chunk the build did not write', () => {
    expect(() => chunk('import{a as e}from"./Menu-2.js";e()')).toThrow(/may import only the entry/);
    expect(() => chunk('export const p=()=>import("./Gone-3.js")')).toThrow(/did not write/);
  });
});
