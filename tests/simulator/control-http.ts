// /__sim/… JSON routes: the control operations over HTTP, for tests that only
// have a URL (the e2e harness, curl). Outside the Worksection API on purpose.

import type { HttpAnswer } from './api/gateway.ts';
import type { SimulatorControl } from './control.ts';
import { SimulatorInputError } from './faults.ts';

function json(status: number, value: unknown): HttpAnswer {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(value) };
}

function readBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SimulatorInputError('the body must be JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SimulatorInputError('the body must be a JSON object');
  return parsed as Record<string, unknown>;
}

const optional = (value: string | null): string | undefined => (value === null || value === '' ? undefined : value);

export function handleControl(control: SimulatorControl, method: string, path: string, search: URLSearchParams, bodyText: string): HttpAnswer {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  try {
    switch (route) {
      case 'POST /__sim/reset': {
        const body = readBody(bodyText);
        return json(200, control.reset({
          ...(body.now !== undefined ? { now: body.now as string } : {}),
          ...(body.frozen !== undefined ? { frozen: body.frozen as boolean } : {}),
        }));
      }
      case 'GET /__sim/clock':
        return json(200, control.clock());
      case 'POST /__sim/clock':
        return json(200, control.setClock(readBody(bodyText) as Parameters<SimulatorControl['setClock']>[0]));
      case 'POST /__sim/comment':
        return json(200, control.addComment(readBody(bodyText) as unknown as Parameters<SimulatorControl['addComment']>[0]));
      case 'POST /__sim/delete-task':
        control.deleteTask(readBody(bodyText).taskId as string);
        return json(200, { ok: true });
      case 'POST /__sim/project-options': {
        const body = readBody(bodyText);
        control.setProjectOptions(body.projectId as string, body.options as Record<string, 0 | 1>);
        return json(200, { ok: true });
      }
      case 'POST /__sim/odd-event':
        control.addOddEvent(readBody(bodyText) as unknown as Parameters<SimulatorControl['addOddEvent']>[0]);
        return json(200, { ok: true });
      case 'GET /__sim/fault':
        return json(200, control.faults());
      case 'POST /__sim/fault':
        return json(200, control.addFault(readBody(bodyText) as unknown as Parameters<SimulatorControl['addFault']>[0]));
      case 'DELETE /__sim/fault':
        control.clearFaults();
        return json(200, { ok: true });
      case 'GET /__sim/stats':
        return json(200, control.stats());
      case 'POST /__sim/stats/reset':
        control.resetStats();
        return json(200, { ok: true });
      case 'POST /__sim/rate-limit':
        control.setRateLimit(readBody(bodyText).perSecond as number);
        return json(200, { ok: true });
      case 'POST /__sim/auth-mode': {
        const body = readBody(bodyText);
        control.setAuthMode(body.mode as Parameters<SimulatorControl['setAuthMode']>[0], {
          ...(body.clockToleranceSeconds !== undefined ? { clockToleranceSeconds: body.clockToleranceSeconds as number | null } : {}),
        });
        return json(200, { ok: true });
      }
      case 'GET /__sim/auth-mode/seen':
        return json(200, control.schemesSeen());
      case 'GET /__sim/writes': {
        const action = optional(search.get('action'));
        return json(200, control.writes(action ? { action } : {}));
      }
      case 'GET /__sim/tasks':
        return json(200, control.tasks(optional(search.get('projectId'))));
      case 'GET /__sim/comments': {
        const taskId = optional(search.get('taskId'));
        if (taskId === undefined) throw new SimulatorInputError('taskId is required');
        return json(200, control.comments(taskId));
      }
      case 'GET /__sim/costs': {
        const taskId = optional(search.get('taskId'));
        const projectId = optional(search.get('projectId'));
        return json(200, control.costs({ ...(taskId ? { taskId } : {}), ...(projectId ? { projectId } : {}) }));
      }
      case 'GET /__sim/data':
        return json(200, control.data());
      case 'POST /__sim/oauth/sign-in-as': {
        const body = readBody(bodyText);
        if (typeof body.email !== 'string') throw new SimulatorInputError('email is required');
        control.oauthSignInAs(body.email);
        return json(200, { ok: true });
      }
      case 'POST /__sim/oauth/lifetimes':
        return json(200, control.setOAuthLifetimes(readBody(bodyText) as Parameters<SimulatorControl['setOAuthLifetimes']>[0]));
      case 'POST /__sim/oauth/revoke':
        control.revokeOAuthGrants();
        return json(200, { ok: true });
      case 'GET /__sim/oauth/stats':
        return json(200, control.oauthStats());
      case 'POST /__sim/token': {
        const body = readBody(bodyText);
        if (typeof body.email !== 'string') throw new SimulatorInputError('email is required');
        const expires = typeof body.expiresInMinutes === 'number' ? { expiresInMinutes: body.expiresInMinutes } : {};
        return json(200, { access_token: control.tokenFor(body.email, expires), token_type: 'Bearer' });
      }
      default:
        return json(404, { error: `no control route ${route}` });
    }
  } catch (error) {
    if (error instanceof SimulatorInputError) return json(400, { error: error.message });
    throw error;
  }
}
