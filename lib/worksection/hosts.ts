/**
 * Worksection's hosted domains, as match patterns: where the content script
 * runs, which tabs hear the background's announcements, what the manifest
 * asks for. Custom domains come through optional host permissions.
 */
export const WORKSECTION_HOSTS = ['*://*.worksection.com/*', '*://*.worksection.eu/*', '*://*.worksection.net/*'] as const;
