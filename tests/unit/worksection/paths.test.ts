import { describe, expect, it } from 'vitest';
import { commentAnchor, parseWorksectionPath, taskPagePath, type WorksectionPage } from '../../../lib/worksection/paths';

describe('parseWorksectionPath', () => {
  const cases: [string, string | undefined, WorksectionPage][] = [
    ['/project/', undefined, { kind: 'project-list' }],
    ['/project', undefined, { kind: 'project-list' }],
    ['/project/6622/', undefined, { kind: 'project', projectId: '6622' }],
    ['/project/6622', undefined, { kind: 'project', projectId: '6622' }],
    ['/project/8562/331894/', undefined, { kind: 'task', projectId: '8562', taskId: '331894' }],
    ['/project/8562/331894/331910/', undefined, { kind: 'task', projectId: '8562', taskId: '331910', topTaskId: '331894' }],
    // A level-2 subtask also keeps the top task in the middle (§4.1).
    ['/project/8562/331894/331914/', '', { kind: 'task', projectId: '8562', taskId: '331914', topTaskId: '331894' }],
    ['/project/6622/330090/', '#com19086', { kind: 'task', projectId: '6622', taskId: '330090', commentId: '19086' }],
    ['/project/6622/330090/', 'com19086', { kind: 'task', projectId: '6622', taskId: '330090', commentId: '19086' }],
    [
      '/project/257910/18700430/21347691/',
      '#com5',
      { kind: 'task', projectId: '257910', taskId: '21347691', topTaskId: '18700430', commentId: '5' },
    ],
    ['/task/330090/', undefined, { kind: 'task', taskId: '330090' }],
    ['/task/330090/', '#com20478', { kind: 'task', taskId: '330090', commentId: '20478' }],
    ['/project/6622/', '#com1', { kind: 'project', projectId: '6622' }],
    ['/project/6622/330090/', '#comments', { kind: 'task', projectId: '6622', taskId: '330090' }],
    ['/project/1/2/3/4/', undefined, { kind: 'other' }],
    ['/project/abc/', undefined, { kind: 'other' }],
    ['/project/6622/files/', undefined, { kind: 'other' }],
    ['/projects/6622/', undefined, { kind: 'other' }],
    ['/task/', undefined, { kind: 'other' }],
    ['/report/', undefined, { kind: 'other' }],
    ['/', undefined, { kind: 'other' }],
    ['', undefined, { kind: 'other' }],
    ['/download/17362/', undefined, { kind: 'other' }],
  ];
  it.each(cases)('%s %s', (pathname, hash, expected) => {
    expect(parseWorksectionPath(pathname, hash)).toEqual(expected);
  });
});

describe('taskPagePath and commentAnchor', () => {
  it('builds the paths the web app uses', () => {
    expect(taskPagePath('6622', '330090')).toBe('/project/6622/330090/');
    expect(taskPagePath('6622', '333118', '332150')).toBe('/project/6622/332150/333118/');
    expect(taskPagePath('6622', '330090', '330090')).toBe('/project/6622/330090/');
    expect(commentAnchor('19086')).toBe('#com19086');
  });

  it('round-trips through the parser', () => {
    const path = taskPagePath('8562', '331914', '331894');
    expect(parseWorksectionPath(path, commentAnchor('7'))).toEqual({
      kind: 'task',
      projectId: '8562',
      taskId: '331914',
      topTaskId: '331894',
      commentId: '7',
    });
  });

  it('refuses ids that are not digits', () => {
    expect(() => taskPagePath('66/22', '1')).toThrow(RangeError);
    expect(() => taskPagePath('1', '')).toThrow(RangeError);
    expect(() => commentAnchor('x1')).toThrow(RangeError);
  });
});
