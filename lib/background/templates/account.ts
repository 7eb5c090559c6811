// Which account a templates request acts on, and the feature's expected failures.
import type { WorksectionClient } from '../../worksection/client';
import { ProblemError } from '../../problem';
import { connectedClient } from '../connection';

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
  if (!connection) throw new TemplatesProblem('not-connected', 'Connect Account Desk to Worksection in its options first.');
  if (connection.origin !== origin) {
    throw new TemplatesProblem('other-account', `Account Desk is connected to ${new URL(connection.origin).host}, not to this account.`);
  }
  return connection.client;
}

