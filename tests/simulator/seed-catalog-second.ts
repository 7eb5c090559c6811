// A second, smaller agency for tests that reconnect Account Desk to another
// account (second.worksection.com): its own people, client and projects. Its
// first project has the same id as the demo's first project on purpose, and
// task ids come from the same sequence: ids of two accounts can coincide, so
// nothing may be matched across accounts by id alone.

import type { AccountCatalog, GroupSpec, ProjectSpec, UserSpec } from './seed-catalog.ts';

const GROUPS: readonly GroupSpec[] = [
  { id: '7130', title: 'Kvitka Studio', client: 0 },
  { id: '7140', title: 'Sunflower Bakery', client: 1 },
];

const USERS: readonly UserSpec[] = [
  { id: '7101', firstName: 'Olena', lastName: 'Hrytsenko', email: 'olena@kvitka.studio', title: 'Founder', rate: 40, groupId: '7130', department: 'Management', role: 'Owner' },
  { id: '7108', firstName: 'Taras', lastName: 'Melnyk', email: 'taras@kvitka.studio', title: 'Account manager', rate: 24, groupId: '7130', department: 'Account management', role: 'Account admin' },
  { id: '7115', firstName: 'Iryna', lastName: 'Bondar', email: 'iryna@kvitka.studio', title: 'Designer', rate: 30, groupId: '7130', department: 'Design', role: 'User' },
  { id: '7122', firstName: 'Andrii', lastName: 'Lysenko', email: 'andrii@kvitka.studio', title: 'Developer', rate: 34, groupId: '7130', department: 'Development', role: 'User' },
  { id: '7151', firstName: 'Nadia', lastName: 'Koval', email: 'nadia@sunflower-bakery.ua', title: 'Owner', rate: 0, groupId: '7140', department: '', role: 'User' },
  { id: '7158', firstName: 'Petro', lastName: 'Savchuk', email: 'petro@sunflower-bakery.ua', title: 'Shop manager', rate: 0, groupId: '7140', department: '', role: 'User' },
];

const PROJECTS: readonly ProjectSpec[] = [
  {
    // The demo account's "Northwind Coffee — website redesign" has this id too.
    id: '8506',
    name: 'Sunflower Bakery — online shop',
    company: 'Sunflower Bakery',
    clientGroupId: '7140',
    managerId: '7108',
    teamIds: ['7115', '7122'],
    startDaysAgo: 90,
    text: 'An online shop for a family bakery: catalogue, pre-orders and delivery slots.',
    tagIds: [105558],
    tasks: () => [
      {
        name: 'Shop brief and catalogue', to: 'am', done: true,
        sub: [
          { name: 'Product photos', to: 'client', done: true },
          { name: 'Price list', to: 'client', done: true },
        ],
      },
      {
        name: 'Shop design', to: 'design', priority: 6,
        sub: [
          { name: 'Catalogue page', to: 'design', waiting: [25] },
          { name: 'Cart and checkout', to: 'design', thread: true },
        ],
      },
      {
        name: 'Delivery slots', to: 'back', thread: true,
        sub: [{ name: 'Slot calendar', to: 'back' }],
      },
      { name: 'Launch checklist', to: 'am', waiting: [8], todo: ['Domain', 'Payments', 'Analytics'] },
    ],
  },
  {
    id: '9214',
    name: 'Kvitka Studio — internal',
    company: 'Kvitka Studio',
    clientGroupId: null,
    managerId: '7101',
    teamIds: ['7108', '7115', '7122'],
    startDaysAgo: 200,
    text: 'Invoices and planning.',
    tagIds: [105562],
    tasks: () => [
      { name: 'Invoice: Sunflower Bakery', to: 'am', by: 'owner', quiet: true },
      { name: 'Quarter planning', to: 'am', by: 'owner', thread: true },
    ],
  },
];

/** "Kvitka Studio" (second.worksection.com). */
export const SECOND_CATALOG: AccountCatalog = {
  name: 'Kvitka Studio',
  groups: GROUPS,
  users: USERS,
  roleUsers: { owner: '7101', design: '7115', front: '7122', back: '7122', seo: '7108', ppc: '7108' },
  projects: PROJECTS,
};
