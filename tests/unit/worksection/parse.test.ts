import { describe, expect, it } from 'vitest';
import { WorksectionError } from '../../../lib/worksection/errors';
import {
  parseWsCost,
  parseWsEvent,
  parseWsProject,
  parseWsSubtask,
  parseWsTask,
  parseWsUser,
  parseWsUserGroup,
  readCostsTotal,
  readCreatedId,
  readItem,
  readList,
  ReplyShapeError,
} from '../../../lib/worksection/parse';

const ref = { id: '3993', email: 'henry.gardner@ws.com', name: 'Henry Gardner' };
const task = {
  id: '331894',
  name: 'Development',
  page: '/project/8562/331894/',
  status: 'active',
  priority: '7',
  user_from: ref,
  user_to: ref,
  project: { id: '8562', name: 'Owl brand launch', page: '/project/8562/' },
  date_added: '2021-01-07 10:01',
};

function shapeError(run: () => unknown): ReplyShapeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ReplyShapeError);
    return error as ReplyShapeError;
  }
  throw new Error('expected a shape error');
}

describe('object validators', () => {
  it('keep known fields, drop unknown ones, and add nothing', () => {
    const parsed = parseWsTask({ ...task, surprise: { nested: true } }, 'data');
    expect(parsed).toEqual(task);
    expect('text' in parsed).toBe(false);
  });

  it('name the path of the first problem', () => {
    expect(shapeError(() => parseWsTask({ ...task, user_to: { ...ref, id: 5514 } }, 'data[3]')).message).toBe(
      'data[3].user_to.id: expected string, got number 5514',
    );
    expect(shapeError(() => parseWsTask({ ...task, date_added: undefined }, 'data')).message).toBe('data.date_added: expected string, got nothing');
    expect(shapeError(() => parseWsTask({ ...task, status: 'closed' }, 'data')).message).toBe(
      'data.status: expected "active" | "done", got "closed"',
    );
    expect(shapeError(() => parseWsTask(null, 'data[0]')).message).toBe('data[0]: expected object, got null');
  });

  it('check nested children at every level', () => {
    const nested = { ...task, child: [{ id: '331910', name: 'Sprint 1', page: '/p/', status: 'active', priority: '1', child: [{ id: 331914 }] }] };
    expect(shapeError(() => parseWsTask(nested, 'data')).path).toBe('data.child[0].child[0].id');
  });

  it('accept brief children (get_task) but check any detail they do carry', () => {
    const brief = { id: '331910', name: 'Sprint 1', page: '/project/8562/331894/331910/', status: 'active', priority: '1' };
    expect(parseWsSubtask(brief, 'c')).toEqual(brief);
    expect(shapeError(() => parseWsSubtask({ ...brief, user_to: 'nobody' }, 'c')).path).toBe('c.user_to');
  });

  it('tolerate numbers as numeric strings, 0/1 flags, null optionals and PHP empty maps', () => {
    const parsed = parseWsTask(
      { ...task, priority: 7, max_time: '352', has_comments: '1', tags: [], relations: [], text: null, files: [{ id: '1', page: '/download/1/', name: 'a', size: 27136 }] },
      'data',
    );
    expect(parsed).toMatchObject({ priority: '7', max_time: 352, has_comments: 1, tags: {}, relations: {}, files: [{ size: '27136' }] });
    expect('text' in parsed).toBe(false);
  });

  it('users: rate is a number, group a team name', () => {
    expect(parseWsUser({ ...ref, rate: '25', group: 'Development', role: 'Owner' }, 'u')).toEqual({ ...ref, rate: 25, group: 'Development', role: 'Owner' });
    expect(shapeError(() => parseWsUser({ ...ref, rate: 'lots' }, 'u')).path).toBe('u.rate');
  });

  it('user groups: client is 0 or 1', () => {
    expect(parseWsUserGroup({ id: '4186', title: 'Singing bird', type: 'company', client: '1' }, 'g').client).toBe(1);
    expect(parseWsUserGroup({ id: '2977', title: 'Development', type: 'company', client: 0 }, 'g').client).toBe(0);
    expect(shapeError(() => parseWsUserGroup({ id: '1', title: 'x', type: 'company', client: 2 }, 'g')).path).toBe('g.client');
  });

  it('projects: status must be a known one', () => {
    const project = { id: '6622', name: 'P', page: '/project/6622/', status: 'pending' };
    expect(parseWsProject(project, 'p').status).toBe('pending');
    expect(shapeError(() => parseWsProject({ ...project, status: 'deleted' }, 'p')).path).toBe('p.status');
  });

  it('costs: is_timer as a boolean, a null comment as empty', () => {
    const cost = { id: '1', comment: null, time: '0:30', money: 12.5, date: '2021-01-01', is_timer: 0, user_from: ref, task: { ...task } };
    expect(parseWsCost(cost, 'c')).toMatchObject({ comment: '', money: '12.5', is_timer: false, task: { project: { id: '8562' } } });
  });

  it('events: action and object type are checked, changed fields kept', () => {
    const event = {
      action: 'update',
      object: { type: 'task', id: '331786', page: '/project/6622/331786/' },
      date_added: '2021-01-02 14:37',
      user_from: ref,
      new: { priority: '7', user_to: ref, date_end: '2024-01-11' },
      old: [],
    };
    expect(parseWsEvent(event, 'e')).toEqual({ ...event, old: {} });
    expect(shapeError(() => parseWsEvent({ ...event, action: 'archive' }, 'e')).path).toBe('e.action');
    expect(shapeError(() => parseWsEvent({ ...event, object: { ...event.object, type: 'file' } }, 'e')).path).toBe('e.object.type');
    expect(shapeError(() => parseWsEvent({ ...event, new: { text: 5 } }, 'e')).path).toBe('e.new.text');
  });
});

describe('envelope readers', () => {
  it('turn shape problems into malformed WorksectionErrors for the action', () => {
    try {
      readList('get_tasks', { status: 'ok', data: [task, task, task, { ...task, id: 7 }] }, parseWsTask);
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(WorksectionError);
      expect(error).toMatchObject({ kind: 'malformed', action: 'get_tasks', retryable: false });
      expect((error as Error).message).toBe('Worksection sent an unexpected reply to get_tasks: data[3].id: expected string, got number 7');
    }
  });

  it('read a list sent as an object with gaps in its keys', () => {
    expect(readList('get_tasks', { status: 'ok', data: { 0: task, 2: task } }, parseWsTask)).toHaveLength(2);
  });

  it('refuse a missing data field', () => {
    expect(() => readList('get_users', { status: 'ok' }, parseWsUser)).toThrow(/get_users: data: expected array, got nothing/);
    expect(() => readItem('get_task', { status: 'ok', data: [] }, parseWsTask)).toThrow(/data: expected object, got an array/);
  });

  it('get_costs_total: top-level total, projects as a map or a list', () => {
    const project = { id: '6622', name: 'P', page: '/project/6622/', time: '1:00', money: '10', tasks: [{ id: '5', time: '1:00', money: '10' }] };
    const asMap = readCostsTotal('get_costs_total', { status: 'ok', total: { time: '1:00', money: '10' }, projects: { 6622: project } });
    const asList = readCostsTotal('get_costs_total', { status: 'ok', total: { time: '1:00', money: '10' }, projects: [project] });
    expect(asList).toEqual(asMap);
    expect(asMap.projects?.['6622']?.tasks?.['5']).toEqual({ id: '5', time: '1:00', money: '10' });
    expect(() => readCostsTotal('get_costs_total', { status: 'ok', data: {} })).toThrow(/total: expected object/);
  });

  it('created ids: numeric ids become strings', () => {
    expect(readCreatedId('add_costs', { status: 'ok', id: 3706 })).toEqual({ id: '3706' });
    expect(readCreatedId('add_costs', { status: 'ok', id: '3706' })).toEqual({ id: '3706' });
    expect(() => readCreatedId('add_costs', { status: 'ok', id: 1.5 })).toThrow(/add_costs: id/);
  });
});
