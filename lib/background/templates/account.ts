// Which account a templates request acts on, and the feature's expected failures.
import type { WorksectionClient } from '../../worksection/client';
import { ProblemError } from '../../problem';
import { connectedClient } from '../connection';
import { t } from '../../i18n';

export class TemplatesProblem extends ProblemError {
  constructor(
    readonly kind: 'not-connected' | 'other-account' | 'not-found' | 'invalid' | 'busy',
    message: string,
  ) {
    super(message);
  }
}

export async function clientFor(origin: string): Promise<WorksectionClient> {
  const connection = await connectedClient();
  if (!connection) throw new TemplatesProblem('not-connected', t('tplProblemNotConnected'));
  if (connection.origin !== origin) {
    throw new TemplatesProblem('other-account', t('tplProblemOtherAccount', new URL(connection.origin).host));
  }
  return connection.client;
}

