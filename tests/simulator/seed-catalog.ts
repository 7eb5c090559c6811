// What the demo agency works on: people, clients, projects and task trees.
// Hand-written so screenshots read like a real digital agency; seed.ts adds
// dates, comment threads, time costs and events around it.

import type { ProjectOptions, Role } from './model.ts';

export interface GroupSpec {
  id: string;
  title: string;
  client: 0 | 1;
}

export interface UserSpec {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  rate: number;
  groupId: string;
  department: string;
  role: Role;
  contacts?: { phone: string; phone2?: string; phone3?: string; phone4?: string; address?: string; address2?: string };
}

export const ACCOUNT_NAME = 'Sreda Digital';

export const GROUPS: readonly GroupSpec[] = [
  { id: '2977', title: 'Sreda Digital', client: 0 },
  { id: '2981', title: 'Sreda Production', client: 0 },
  { id: '4186', title: 'Northwind Coffee', client: 1 },
  { id: '4190', title: 'Brightline Dental', client: 1 },
  { id: '4194', title: 'Atlas Logistics', client: 1 },
];

export const USERS: readonly UserSpec[] = [
  {
    id: '3993', firstName: 'Account Desk', lastName: 'Demo', email: 'demo@sreda.digital', title: 'CEO, project manager',
    rate: 45, groupId: '2977', department: 'Management', role: 'Owner',
    contacts: {
      phone: '+1 415 555 0142', phone2: '+1 415 555 0199', phone3: '+44 20 7946 0321', phone4: '+380 44 555 0110',
      address: '88 Market Street, Suite 400, San Francisco, CA 94103', address2: '12 Khreshchatyk St, Kyiv 01001',
    },
  },
  { id: '4001', firstName: 'Maria', lastName: 'Kovalenko', email: 'maria.kovalenko@sreda.digital', title: 'Account manager', rate: 25, groupId: '2977', department: 'Account management', role: 'Account admin', contacts: { phone: '+380 67 555 2231' } },
  { id: '4007', firstName: 'Daniel', lastName: 'Brooks', email: 'daniel.brooks@sreda.digital', title: 'Account manager', rate: 25, groupId: '2977', department: 'Account management', role: 'User', contacts: { phone: '+1 415 555 0175' } },
  { id: '4012', firstName: 'Sofia', lastName: 'Marchenko', email: 'sofia.marchenko@sreda.digital', title: 'UI/UX designer', rate: 32, groupId: '2981', department: 'Design', role: 'User' },
  { id: '4020', firstName: 'Ivan', lastName: 'Petrenko', email: 'ivan.petrenko@sreda.digital', title: 'Front-end developer', rate: 36, groupId: '2981', department: 'Development', role: 'User' },
  { id: '4033', firstName: 'Emma', lastName: 'Novak', email: 'emma.novak@sreda.digital', title: 'Back-end developer', rate: 38, groupId: '2981', department: 'Development', role: 'User' },
  { id: '4041', firstName: 'Oleh', lastName: 'Shevchuk', email: 'oleh.shevchuk@sreda.digital', title: 'SEO specialist', rate: 28, groupId: '2981', department: 'Marketing', role: 'User' },
  { id: '4058', firstName: 'Chloe', lastName: 'Martin', email: 'chloe.martin@sreda.digital', title: 'PPC specialist', rate: 27, groupId: '2981', department: 'Marketing', role: 'User' },
  // Client users; two have no real email, which Worksection shows as ID@ID.worksection.com (§4.7).
  { id: '5674', firstName: 'Tom', lastName: 'Hughes', email: '5674@5674.worksection.com', title: 'Operations manager', rate: 0, groupId: '4186', department: '', role: 'User' },
  { id: '5690', firstName: 'Laura', lastName: 'Bennett', email: 'laura.bennett@northwindcoffee.com', title: 'Marketing director', rate: 0, groupId: '4186', department: '', role: 'User' },
  { id: '5702', firstName: 'Rachel', lastName: 'Kim', email: 'rachel.kim@brightlinedental.com', title: 'Practice owner', rate: 0, groupId: '4190', department: '', role: 'User' },
  { id: '5711', firstName: 'Mark', lastName: 'Jensen', email: 'mark.jensen@atlas-logistics.eu', title: 'Head of marketing', rate: 0, groupId: '4194', department: '', role: 'User' },
  { id: '5719', firstName: 'Petra', lastName: 'Walsh', email: '5719@5719.worksection.com', title: 'Sales director', rate: 0, groupId: '4194', department: '', role: 'User' },
  { id: '5723', firstName: 'Owen', lastName: 'Clarke', email: 'owen.clarke@atlas-logistics.eu', title: 'IT manager', rate: 0, groupId: '4194', department: '', role: 'Guest' },
];

/** Who does what, resolved per project (the account manager differs). */
export type RoleKey = 'owner' | 'am' | 'design' | 'front' | 'back' | 'seo' | 'ppc' | 'client' | 'anyone' | 'nobody';

export const ROLE_USERS: Readonly<Record<Exclude<RoleKey, 'am' | 'client' | 'anyone' | 'nobody'>, string>> = {
  owner: '3993',
  design: '4012',
  front: '4020',
  back: '4033',
  seo: '4041',
  ppc: '4058',
};

export interface TaskSpec {
  name: string;
  /** Assignee. */
  to: RoleKey;
  /** Author; the project's account manager by default. */
  by?: RoleKey;
  done?: boolean;
  text?: string;
  todo?: string[];
  files?: string[];
  sub?: TaskSpec[];
  /** Ages in minutes of the client comments now waiting for a reply, oldest first. */
  waiting?: number[];
  /** Always give it a comment thread. */
  thread?: boolean;
  /** Never give it a comment thread. */
  quiet?: boolean;
  /** Fill every optional field (times, limits, tags): exercises full API shapes. */
  rich?: boolean;
  /** Tasks sharing a chain key are linked finish-to-start in catalog order. */
  chain?: string;
  priority?: number;
  /** Created this many minutes before the clock start (recent activity). */
  recentMinutes?: number;
  /** Its thread carries the hostile-HTML client comment. */
  hostileComment?: boolean;
  /** Monthly task: months back from the current month (0 = this month). */
  monthsBack?: number;
}

export interface ProjectSpec {
  id: string;
  name: string;
  company: string;
  clientGroupId: string | null;
  /** Account manager (user id). */
  managerId: string;
  /** Team members besides the manager and the owner. */
  teamIds: string[];
  startDaysAgo: number;
  text: string;
  tagIds: number[];
  maxTime?: number;
  maxMoney?: number;
  options?: Partial<ProjectOptions>;
  /** monthTitle(k) = "March 2025" for k months back. */
  tasks(monthTitle: (monthsBack: number) => string, dayOfMonth: number): TaskSpec[];
}

export const TASK_TAGS = [
  { id: 72565, title: 'To-do', group: 'Basic workflow', type: 'status' },
  { id: 72569, title: 'In progress', group: 'Basic workflow', type: 'status' },
  { id: 72573, title: 'On review', group: 'Basic workflow', type: 'status' },
  { id: 72601, title: 'design', group: 'Type', type: 'label' },
  { id: 72605, title: 'development', group: 'Type', type: 'label' },
  { id: 72609, title: 'seo', group: 'Type', type: 'label' },
  { id: 72613, title: 'ads', group: 'Type', type: 'label' },
  { id: 72617, title: 'content', group: 'Type', type: 'label' },
  { id: 72621, title: 'finance', group: 'Type', type: 'label' },
  { id: 72625, title: 'urgent', group: 'Type', type: 'label' },
  { id: 105554, title: 'retainer', group: 'Contract', type: 'label' },
  { id: 105558, title: 'fixed price', group: 'Contract', type: 'label' },
  { id: 105562, title: 'internal', group: 'Contract', type: 'label' },
  { id: 105570, title: 'key client', group: 'Contract', type: 'label' },
  // A private group (§3.5: "available only for your company teams"): what the team keeps from clients.
  { id: 72629, title: 'team only', group: 'Team notes', type: 'label', access: 'private' },
] as const;

/** The label a task gets from its assignee's craft. */
export const ROLE_LABEL: Partial<Record<RoleKey, number>> = {
  design: 72601,
  front: 72605,
  back: 72605,
  seo: 72609,
  ppc: 72613,
};

const monthly = (count: number, make: (k: number) => TaskSpec): TaskSpec[] =>
  Array.from({ length: count }, (_, k) => ({ ...make(k), monthsBack: k }));

/** Done for finished months; last month's report closes in the first week. */
const reportDone = (k: number, dayOfMonth: number): boolean => k >= 2 || (k === 1 && dayOfMonth >= 8);

export const PROJECTS: readonly ProjectSpec[] = [
  {
    id: '8506',
    name: 'Northwind Coffee — website redesign',
    company: 'Northwind Coffee',
    clientGroupId: '4186',
    managerId: '4001',
    teamIds: ['4012', '4020', '4033', '4041'],
    startDaysAgo: 214,
    text: 'New website for a chain of 14 coffee shops: menu, store locator, online orders and seasonal campaigns.',
    tagIds: [105558, 105570],
    maxTime: 640,
    maxMoney: 21800,
    tasks: () => [
      {
        name: 'Discovery and project brief', to: 'am', done: true, chain: 'site',
        text: 'Goals, audience and scope agreed with the Northwind marketing team.',
        files: ['Northwind_brand_guidelines.pdf', 'Project_brief_v3.docx'],
        sub: [
          { name: 'Kick-off call with the Northwind team', to: 'am', done: true },
          { name: 'Collect brand assets and store photos', to: 'client', done: true },
          { name: 'Competitor website review', to: 'design', done: true },
        ],
      },
      {
        name: 'Sitemap and content structure', to: 'design', done: true, chain: 'site',
        sub: [
          { name: 'Draft sitemap', to: 'design', done: true },
          { name: 'Content inventory of the old site', to: 'am', done: true },
        ],
      },
      {
        name: 'Homepage design', to: 'design', chain: 'site', priority: 7,
        text: 'Two concepts first, then one direction for desktop and mobile.',
        sub: [
          { name: 'Homepage wireframe', to: 'design', done: true },
          {
            name: 'Desktop mockup', to: 'design', waiting: [50, 20], files: ['Homepage_desktop_v2.png'],
            sub: [
              { name: 'Hero section with the seasonal offer', to: 'design' },
              { name: 'Store locator teaser block', to: 'design', done: true },
            ],
          },
          { name: 'Mobile mockup', to: 'design' },
        ],
      },
      {
        name: 'Menu page design', to: 'design', waiting: [12],
        text: 'The menu must be easy to update by the Northwind team.',
        todo: ['Drinks catalogue', 'Food and pastries', 'Allergen table'],
        sub: [
          { name: 'Drinks catalogue layout', to: 'design' },
          { name: 'Allergen and nutrition table', to: 'back' },
        ],
      },
      {
        name: 'Store locator page', to: 'front',
        sub: [
          { name: 'Map integration (Google Maps API)', to: 'front' },
          { name: 'Import the store list from CSV', to: 'back', done: true },
        ],
      },
      {
        name: 'Front-end development', to: 'front', chain: 'site', rich: true, priority: 6,
        text: 'Build on the approved mockups; staging at staging.northwindcoffee.com.',
        sub: [
          { name: 'Set up the staging server', to: 'back', done: true },
          { name: 'Header and footer components', to: 'front', done: true },
          {
            name: 'Homepage build', to: 'front',
            sub: [
              { name: 'Hero slider', to: 'front' },
              { name: 'Newsletter signup form', to: 'back' },
            ],
          },
          { name: 'Responsive QA on iOS and Android', to: 'front' },
        ],
      },
      {
        name: 'Copywriting for the main pages', to: 'am',
        sub: [
          { name: '"About us" text', to: 'am', done: true },
          { name: 'Careers page text', to: 'client' },
        ],
      },
      { name: 'Landing page: autumn pumpkin spice campaign', to: 'design', thread: true, priority: 5 },
      {
        name: 'Footer banner shows <img src=x onerror=alert(1)> instead of the logo', to: 'front', by: 'client',
        thread: true, hostileComment: true, priority: 8,
        text: 'Copied from the CMS preview: <script>alert("footer")</script>',
      },
      {
        name: 'Launch checklist and go-live', to: 'am', chain: 'site',
        todo: ['301 redirects', 'Analytics', 'Backups', 'Client sign-off'],
        sub: [
          { name: '301 redirects from old URLs', to: 'back' },
          { name: 'Analytics and Tag Manager setup', to: 'seo' },
          { name: 'Final client approval', to: 'client' },
        ],
      },
      { name: 'Client communication and status calls', to: 'am', by: 'owner', quiet: true },
    ],
  },
  {
    id: '8522',
    name: 'Northwind Coffee — performance marketing',
    company: 'Northwind Coffee',
    clientGroupId: '4186',
    managerId: '4007',
    teamIds: ['4058', '4012', '4033'],
    startDaysAgo: 196,
    text: 'Monthly retainer: Google Ads and Meta Ads for online orders and store visits.',
    tagIds: [105554, 105570],
    tasks: (month, dayOfMonth) => [
      {
        name: 'Google Ads account audit', to: 'ppc', done: true,
        sub: [
          { name: 'Search campaigns review', to: 'ppc', done: true },
          { name: 'Negative keywords cleanup', to: 'ppc', done: true },
        ],
      },
      {
        name: 'Ad campaign: holiday gift cards', to: 'ppc', waiting: [5], priority: 8, rich: true,
        text: 'Budget $4,500 for six weeks; landing page in the online shop.',
        sub: [
          { name: 'Ad copy variants', to: 'am', done: true },
          {
            name: 'Banner set 300x250, 728x90, 160x600', to: 'design',
            sub: [
              { name: 'Banner designs v1', to: 'design', done: true },
              { name: 'Resize for Meta placements', to: 'design' },
            ],
          },
          { name: 'Campaign launch and budget setup', to: 'ppc' },
        ],
      },
      {
        name: 'Meta Ads: local awareness campaign', to: 'ppc',
        sub: [
          { name: 'Audience setup by store radius', to: 'ppc', done: true },
          { name: 'Creative brief for the video ad', to: 'am' },
        ],
      },
      ...monthly(4, (k) => ({
        name: `Monthly performance report — ${month(k)}`, to: 'am', done: reportDone(k, dayOfMonth),
        todo: ['Spend and ROAS by campaign', 'Top search terms', 'Next month plan'],
        sub: [
          { name: 'Collect data from Google Ads and Meta', to: 'ppc', done: k >= 1 },
          { name: 'Insights and recommendations', to: 'am', done: reportDone(k, dayOfMonth) },
        ],
      })),
      { name: 'Conversion tracking fix for online orders', to: 'back', by: 'client', thread: true, priority: 9 },
      { name: 'Weekly status call with Northwind marketing', to: 'am', quiet: true },
    ],
  },
  {
    id: '8530',
    name: 'Brightline Dental — local SEO',
    company: 'Brightline Dental',
    clientGroupId: '4190',
    managerId: '4001',
    teamIds: ['4041', '4020', '4012'],
    startDaysAgo: 228,
    text: 'Local SEO for three dental clinics: audit, Google Business Profiles, service pages and reviews.',
    tagIds: [105554],
    maxTime: 300,
    tasks: (month) => [
      {
        name: 'SEO audit', to: 'seo', done: true, files: ['Brightline_SEO_audit.pdf'],
        sub: [
          { name: 'Technical crawl (Screaming Frog)', to: 'seo', done: true },
          { name: 'Core Web Vitals check', to: 'front', done: true },
          {
            name: 'Audit report for the client', to: 'seo', done: true,
            sub: [
              { name: 'Executive summary', to: 'am', done: true },
              { name: 'Priority fix list', to: 'seo', done: true },
            ],
          },
        ],
      },
      {
        name: 'Google Business Profile optimisation', to: 'seo', waiting: [180],
        sub: [
          { name: 'Update services and opening hours for 3 clinics', to: 'seo' },
          { name: 'Upload new clinic photos', to: 'client' },
        ],
      },
      {
        name: 'Keyword research: dental implants', to: 'seo', done: true,
        sub: [
          { name: 'Competitor keyword gap', to: 'seo', done: true },
          { name: 'Keyword clustering', to: 'seo', done: true },
        ],
      },
      {
        name: 'Service pages content', to: 'am',
        sub: [
          { name: 'Dental implants page', to: 'am' },
          { name: 'Teeth whitening page', to: 'am', done: true },
          { name: 'Emergency dentist page', to: 'am' },
        ],
      },
      { name: 'Local citations cleanup', to: 'seo', thread: true },
      {
        name: 'Review generation campaign', to: 'am',
        sub: [
          { name: 'Email template for patients', to: 'am' },
          { name: 'QR card design for the reception desk', to: 'design' },
        ],
      },
      ...monthly(3, (k) => ({
        name: `Monthly SEO report — ${month(k)}`, to: 'seo', done: k >= 1,
        sub: [{ name: 'Rankings and traffic export', to: 'seo', done: k >= 1 }],
      })),
      { name: 'Schema markup for clinic pages', to: 'front' },
    ],
  },
  {
    id: '8562',
    name: 'Atlas Logistics — corporate website',
    company: 'Atlas Logistics',
    clientGroupId: '4194',
    managerId: '4007',
    teamIds: ['4012', '4020', '4033', '4041'],
    startDaysAgo: 203,
    text: 'Corporate website in three languages with an online quote request connected to the Atlas CRM.',
    tagIds: [105558],
    maxTime: 820,
    maxMoney: 29500,
    tasks: () => [
      {
        name: 'Requirements and brief', to: 'am', done: true, chain: 'web',
        sub: [
          { name: 'Stakeholder interviews', to: 'am', done: true },
          { name: 'Technical requirements document', to: 'back', done: true },
        ],
      },
      {
        name: 'UX prototype', to: 'design', chain: 'web', rich: true, thread: true, priority: 7,
        text: 'Prototype the quote request flow first; the rest of the site follows the same grid.',
        files: ['Atlas_user_flows.pdf', 'Sitemap_v2.xlsx'],
        sub: [
          { name: 'User flows for the quote request', to: 'design', done: true },
          {
            name: 'Clickable prototype in Figma', to: 'design', waiting: [45],
            sub: [
              { name: 'Desktop screens', to: 'design' },
              { name: 'Mobile screens', to: 'design' },
            ],
          },
        ],
      },
      {
        name: 'Quote request form', to: 'back', chain: 'web', waiting: [2880], priority: 6,
        sub: [
          { name: 'Form backend and CRM integration', to: 'back' },
          { name: 'Spam protection', to: 'back' },
        ],
      },
      {
        name: 'Multilingual setup (EN/DE/PL)', to: 'front',
        sub: [
          { name: 'Translation workflow', to: 'am' },
          { name: 'hreflang tags', to: 'seo' },
        ],
      },
      { name: 'Case studies section', to: 'design' },
      {
        name: 'Hosting migration', to: 'back',
        sub: [
          { name: 'Backup of the old site', to: 'back', done: true },
          { name: 'DNS switch plan', to: 'back' },
        ],
      },
      { name: 'Careers page with a job board', to: 'front', by: 'client' },
      { name: 'Homepage copy review', to: 'client' },
      { name: 'Cookie banner and privacy policy', to: 'front', done: true },
      {
        name: 'Performance optimisation (Core Web Vitals)', to: 'front',
        sub: [
          { name: 'Image compression', to: 'front', done: true },
          { name: 'Lazy loading for galleries', to: 'front' },
        ],
      },
    ],
  },
  {
    id: '8571',
    name: 'Atlas Logistics — LinkedIn lead generation',
    company: 'Atlas Logistics',
    clientGroupId: '4194',
    managerId: '4007',
    teamIds: ['4058', '4012', '4020', '4033'],
    startDaysAgo: 187,
    text: 'B2B lead generation on LinkedIn for freight forwarding services.',
    tagIds: [105554],
    tasks: (month) => [
      {
        name: 'LinkedIn campaign strategy', to: 'ppc', done: true,
        sub: [
          { name: 'Target account list', to: 'am', done: true },
          { name: 'Persona definitions', to: 'am', done: true },
        ],
      },
      {
        name: 'Ad campaign: freight forwarding leads', to: 'ppc', priority: 7,
        sub: [
          { name: 'Sponsored content copy', to: 'am', done: true },
          {
            name: 'Carousel creative', to: 'design',
            sub: [
              { name: 'Slides 1–5', to: 'design', waiting: [20] },
              { name: 'Final export for LinkedIn', to: 'design' },
            ],
          },
          { name: 'Lead gen form setup', to: 'ppc' },
        ],
      },
      {
        name: 'Whitepaper landing page', to: 'front',
        sub: [
          { name: 'Whitepaper layout', to: 'design', done: true },
          { name: 'Landing page build', to: 'front' },
        ],
      },
      ...monthly(3, (k) => ({
        name: `Monthly campaign report — ${month(k)}`, to: 'ppc', done: k >= 1,
        sub: [{ name: 'Lead quality review with Atlas sales', to: 'am', done: k >= 1 }],
      })),
      { name: 'CRM lead sync check', to: 'back', thread: true },
      { name: 'Retargeting audience setup', to: 'ppc' },
      { name: 'A/B test: headline variants', to: 'ppc', done: true },
    ],
  },
  {
    id: '8590',
    name: 'Sreda Digital — internal operations',
    company: 'Sreda Digital',
    clientGroupId: null,
    managerId: '3993',
    teamIds: ['4001', '4007', '4012', '4020', '4033', '4041', '4058'],
    startDaysAgo: 300,
    text: 'Invoices, hiring, templates and planning.',
    tagIds: [105562],
    options: { time_require: 0 },
    tasks: (month) => [
      ...['Northwind Coffee', 'Brightline Dental', 'Atlas Logistics'].flatMap((client) =>
        monthly(4, (k) => ({ name: `Invoice: ${client} — ${month(k)}`, to: 'am', by: 'owner', done: k >= 1, quiet: true }))),
      {
        name: 'Agency website portfolio update', to: 'design', by: 'owner',
        sub: [
          { name: 'Case study: Northwind redesign', to: 'am' },
          { name: 'Case study: Brightline SEO', to: 'seo', done: true },
        ],
      },
      {
        name: 'Hiring: middle front-end developer', to: 'owner', by: 'owner',
        sub: [
          { name: 'Job post on LinkedIn and Djinni', to: 'owner', done: true },
          { name: 'Test task review', to: 'front' },
          { name: 'Interviews', to: 'owner' },
        ],
      },
      {
        name: 'Project templates for onboarding', to: 'owner', by: 'owner',
        sub: [
          { name: 'Website project template', to: 'am' },
          { name: 'SEO retainer template', to: 'seo' },
        ],
      },
      {
        name: 'Quarterly planning', to: 'owner', by: 'owner',
        sub: [
          { name: 'Capacity plan', to: 'owner' },
          { name: 'Budget review', to: 'owner', done: true },
        ],
      },
      { name: 'Team training: GA4 and Looker Studio', to: 'seo', by: 'owner', done: true },
      { name: 'Weekly team meeting notes', to: 'anyone', by: 'owner', thread: true },
      { name: 'Proposal for a new client (bakery chain)', to: 'nobody', by: 'owner', recentMinutes: 90 },
    ],
  },
];

// Comment wording. Client lines ask and approve; team lines answer.
export const CLIENT_ASKS = [
  'Hi! Could you send the updated version by Thursday?',
  'We reviewed the draft — the header feels too busy. Can we simplify it?',
  'Any update on this? Our director is asking.',
  'Please use the new logo files from the shared folder.',
  'Can we move the deadline to next Monday?',
  'Where can I see the results for last week?',
  'We need the invoice with our VAT number on it, please.',
  'The contact form does not send anything — can you check?',
  'Could we have one more option with a darker background?',
  'Our legal team asked to add a disclaimer here.',
  'Is it possible to speed this up? We have a campaign starting soon.',
  'I left a few notes in the PDF, see pages 2 and 4.',
];

export const CLIENT_WAITING = [
  'Hi, is there any news? We need this before Friday’s meeting.',
  'Sorry to chase — could you confirm the timeline today?',
  'Something looks broken on mobile, could someone take a look?',
  'We sent our comments yesterday, please let us know when to expect the next version.',
  'Quick question: can we still change the text in the second block?',
  'Our CEO saw it and has two small changes — can we call?',
  'Please confirm you received the files.',
];

export const CLIENT_ACKS = [
  'Looks great, approved from our side.',
  'Thanks, that works for us.',
  'Perfect, thank you!',
  'OK, we will wait for the next version.',
];

export const TEAM_REPLIES = [
  'Thanks! We will send the revised version tomorrow by noon.',
  'Done — please check the staging link.',
  'Good catch, fixing it now.',
  'Attached the report; the key numbers are on the first page.',
  'We adjusted it as discussed, please take a look.',
  'Yes, Monday works. I have updated the deadline.',
  'Noted, we will add it to the next round of changes.',
  'The fix is live, could you check on your side?',
  'We are on it; expect an update by the end of the day.',
  'Here is the second option with a darker background.',
];

export const TEAM_NOTES = [
  'Uploaded v2 to staging.',
  'Moved to review.',
  'Time is logged, the rest goes into next week.',
  'Need the final copy before I can finish the layout.',
  'Checked on Safari and Chrome, all fine.',
  'Budget for this is almost used up — let us discuss.',
];

export const HOSTILE_COMMENT =
  'The footer still shows the raw code: <img src=x onerror=alert(1)> and the preview says <script>alert("xss")</script> — can you fix it?';

export const COMMENT_FILES = ['mockup_v2.png', 'report.pdf', 'notes.docx', 'screenshot.png', 'banner_set.zip'];

export const COST_NOTES: Readonly<Record<RoleKey, readonly string[]>> = {
  owner: ['Planning', 'Invoice preparation', 'Review with the account manager', 'Hiring interviews'],
  am: ['Call with the client', 'Status report', 'Meeting notes and follow-up', 'Client feedback round', 'Budget and timeline update'],
  design: ['Mockup revisions', 'Design concept', 'Prepared assets for development', 'Design review'],
  front: ['Layout implementation', 'Bug fixes after QA', 'Responsive fixes', 'Component development'],
  back: ['API integration', 'Server setup', 'Form handling', 'Database migration'],
  seo: ['Keyword research', 'Technical SEO fixes', 'Content optimisation', 'Rankings report'],
  ppc: ['Campaign optimisation', 'Bid adjustments', 'Ad copy testing', 'Reporting'],
  client: [''],
  anyone: [''],
  nobody: [''],
};

/** Everything that makes one account: its name, teams, people, who plays each role, and its projects. */
export interface AccountCatalog {
  name: string;
  groups: readonly GroupSpec[];
  users: readonly UserSpec[];
  roleUsers: Readonly<Record<Exclude<RoleKey, 'am' | 'client' | 'anyone' | 'nobody'>, string>>;
  projects: readonly ProjectSpec[];
}

/** The demo agency, "Sreda Digital" (demo.worksection.com). */
export const DEMO_CATALOG: AccountCatalog = { name: ACCOUNT_NAME, groups: GROUPS, users: USERS, roleUsers: ROLE_USERS, projects: PROJECTS };
