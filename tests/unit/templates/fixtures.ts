import type { Template } from '@/lib/templates';

/** 12 nodes on 3 levels: 1 top task, 4 subtasks, 7 sub-subtasks; one title carries HTML. */
export function twelveNodeTemplate(): Template {
  return {
    id: 'test.twelve',
    name: 'Twelve-node launch',
    roles: ['Account manager', 'Designer'],
    tasks: [
      {
        title: 'Launch <b>site</b>',
        description: 'Whole launch',
        role: 'Account manager',
        priority: 8,
        startOffset: 0,
        duration: 10,
        subtasks: [
          {
            title: 'Design',
            role: 'Designer',
            startOffset: 0,
            duration: 4,
            checklist: ['Moodboard', 'Two concepts'],
            subtasks: [
              { title: 'Wireframes', role: 'Designer', startOffset: 0, duration: 2 },
              { title: 'Visuals', role: 'Designer', startOffset: 2, duration: 2, checklist: ['Desktop', 'Mobile'] },
            ],
          },
          {
            title: 'Content',
            role: 'Account manager',
            startOffset: 2,
            duration: 3,
            subtasks: [
              { title: 'Texts', role: 'Account manager', startOffset: 2, duration: 2 },
              { title: 'Photos', startOffset: 3, duration: 1 },
            ],
          },
          {
            title: 'QA',
            startOffset: 6,
            duration: 2,
            hiddenFromClient: true,
            checklist: ['Forms', 'Redirects'],
            subtasks: [
              { title: 'Mobile check', role: 'Designer', startOffset: 6, duration: 1 },
              { title: 'Speed check', startOffset: 7, duration: 1 },
            ],
          },
          {
            title: 'Go live',
            role: 'Account manager',
            priority: 10,
            startOffset: 8,
            duration: 2,
            subtasks: [{ title: 'Tell the client', role: 'Account manager', startOffset: 9, duration: 1, checklist: ['Admin guide sent'] }],
          },
        ],
      },
    ],
  };
}
