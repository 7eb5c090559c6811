// A throw-away certificate made at run time and kept in memory only. One per
// process: generating it is the slowest part of starting a simulator.

import * as selfsigned from 'selfsigned';

export interface Certificate {
  key: string;
  cert: string;
}

const HOST_NAMES = ['*.worksection.com', '*.worksection.eu', '*.worksection.net', 'worksection.com', 'localhost'];

let pending: Promise<Certificate> | null = null;

export function simulatorCertificate(): Promise<Certificate> {
  pending ??= (async () => {
    const now = Date.now();
    const pems = await selfsigned.generate([{ name: 'commonName', value: '*.worksection.com' }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: new Date(now - 24 * 3600_000),
      notAfterDate: new Date(now + 30 * 24 * 3600_000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [...HOST_NAMES.map((value) => ({ type: 2 as const, value })), { type: 7 as const, ip: '127.0.0.1' }],
        },
      ],
    });
    return { key: pems.private, cert: pems.cert };
  })();
  pending.catch(() => {
    pending = null;
  });
  return pending;
}
