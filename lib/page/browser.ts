/**
 * `wxt/browser` inside Worksection pages (scripts/page-build.ts aliases it
 * here): the browser's own extension API object, which both Chrome and
 * Firefox give content scripts with promise-returning methods in MV3.
 * webextension-polyfill stays out of page code.
 */
type Api = (typeof import('wxt/browser'))['browser'];

const scope = globalThis as { browser?: Api; chrome?: Api };

export const browser = (scope.browser ?? scope.chrome) as Api;
