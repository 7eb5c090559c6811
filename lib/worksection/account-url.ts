// Turning what a person types as their account address into the origin the
// extension talks to. Hosted accounts live at ACCOUNT.worksection.com (.eu,
// .net); anything else is a custom domain, allowed behind an optional permission.

import { t } from '../i18n';

export type AccountUrlResult =
  | { ok: true; origin: string; host: string; hosted: boolean }
  | { ok: false; problem: 'empty' | 'malformed'; message: string };

const HOSTED_HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.worksection\.(?:com|eu|net)$/;
const WORKSECTION_SITE = /^(?:www\.)?worksection\.(?:com|eu|net)$/;
const ACCOUNT_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const DNS_LABEL = /^(?:xn--)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Whether `host` (with or without a port) is a hosted Worksection account: one label under worksection.com/.eu/.net. */
export function isWorksectionHost(host: string): boolean {
  const hostname = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return HOSTED_HOST.test(hostname) && !hostname.startsWith('www.');
}

const malformed = (message: string): AccountUrlResult => ({ ok: false, problem: 'malformed', message });

/**
 * Accepts "demo", "demo.worksection.com", "https://demo.worksection.com/project/1/"
 * or a custom domain; answers the https origin, or the problem in words.
 */
export function parseAccountUrl(input: string): AccountUrlResult {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, problem: 'empty', message: t('accountUrlEmpty') };
  if (/\s/.test(trimmed)) return malformed(t('accountUrlSpaces'));

  // A bare account name is the part before .worksection.com.
  const candidate = ACCOUNT_NAME.test(trimmed) ? `https://${trimmed}.worksection.com` : trimmed;
  const scheme = SCHEME.exec(candidate)?.[1]?.toLowerCase();
  // "host:port" looks like a scheme to the regex; only a "//" makes it one.
  const hasScheme = scheme !== undefined && candidate.slice(scheme.length + 1).startsWith('//');
  if (hasScheme && scheme !== 'https' && scheme !== 'http') {
    return malformed(t('accountUrlScheme', scheme));
  }
  if (!hasScheme && scheme !== undefined && !/^[^:]+:\d+(?:[/?#]|$)/.test(candidate)) {
    return malformed(t('accountUrlScheme', scheme));
  }

  let url: URL;
  try {
    url = new URL(hasScheme ? candidate : `https://${candidate}`);
  } catch {
    return malformed(t('accountUrlNotAddress', trimmed));
  }
  if (url.username || url.password) return malformed(t('accountUrlCredentials'));

  const hostname = url.hostname.replace(/\.$/, '');
  if (hostname.startsWith('[') || /^\d+(?:\.\d+){3}$/.test(hostname)) {
    return malformed(t('accountUrlIp'));
  }
  const labels = hostname.split('.');
  if (labels.length < 2 || !labels.every((label) => DNS_LABEL.test(label)) || /^\d+$/.test(labels.at(-1) ?? '')) {
    return malformed(t('accountUrlNotAddress', trimmed));
  }
  if (WORKSECTION_SITE.test(hostname)) {
    return malformed(t('accountUrlWorksectionSite'));
  }
  const hosted = /\.worksection\.(?:com|eu|net)$/.test(hostname);
  if (hosted && !isWorksectionHost(hostname)) {
    return malformed(t('accountUrlNotAccount', hostname));
  }

  const host = url.port ? `${hostname}:${url.port}` : hostname;
  // Plain http would expose the API key on the wire; Worksection serves https.
  return { ok: true, origin: `https://${host}`, host, hosted };
}
