// The built-in replies: the small questions the case study's assistant PM
// answers all day (status, deadline, invoice, access, "we're on it"), each
// written once with its four languages side by side so none is missing.
// The wording is the agency's to the client, in Worksection's own words
// (task / задача / задача / тапсырма, project / проект / проєкт / жоба).
import type { Language } from '../locale';
import { QUICK_REPLY_LANGUAGES, type QuickReply } from './model';

type Texts = readonly [en: string, ru: string, uk: string, kk: string];

interface BuiltinDraft {
  slug: string;
  title: Texts;
  body: Texts;
}

const HELLO: Texts = ['Hi {client_first_name|there},', 'Добрый день, {client_first_name|коллеги}!', 'Добрий день, {client_first_name|колеги}!', 'Сәлеметсіз бе, {client_first_name|әріптестер}!'];
const SIGNED = '\n\n{my_name}';

const DRAFTS: readonly BuiltinDraft[] = [
  {
    slug: 'status',
    title: ['Status update', 'Статус задачи', 'Статус задачі', 'Тапсырма мәртебесі'],
    body: [
      'A quick update on “{task}”: the work is going to plan and we are on schedule. As soon as there is something to review, I will post it here.',
      'Коротко о статусе задачи «{task}»: работа идёт по плану, в срок укладываемся. Как только будет что посмотреть, сразу напишу здесь.',
      'Коротко про статус задачі «{task}»: робота йде за планом, у терміни вкладаємося. Щойно буде що переглянути, одразу напишу тут.',
      '«{task}» тапсырмасы бойынша қысқаша: жұмыс жоспар бойынша жүріп жатыр, мерзімге үлгереміз. Қарап шығатын нәрсе дайын болған бойда осында жазамын.',
    ],
  },
  {
    slug: 'deadline',
    title: ['Deadline', 'Срок по задаче', 'Термін задачі', 'Тапсырма мерзімі'],
    body: [
      'The deadline for “{task}” is {due_date}. We are on track, and if anything changes we will tell you here in good time.',
      'Срок по задаче «{task}» — {due_date}. Идём по плану; если что-то изменится, заранее предупредим здесь.',
      'Термін за задачею «{task}» — {due_date}. Ідемо за планом; якщо щось зміниться, заздалегідь попередимо тут.',
      '«{task}» тапсырмасының мерзімі — {due_date}. Жоспар бойынша келеміз; бірдеңе өзгерсе, осында алдын ала хабарлаймыз.',
    ],
  },
  {
    slug: 'invoice',
    title: ['Invoice sent', 'Счёт отправлен', 'Рахунок надіслано', 'Шот жіберілді'],
    body: [
      'We sent the invoice for {project} today, {today}. If your accounts team needs any other documents or details, just reply here and we will prepare them.',
      'Счёт по проекту «{project}» отправили сегодня, {today}. Если бухгалтерии нужны закрывающие документы или другие реквизиты, напишите здесь — подготовим.',
      'Рахунок за проєктом «{project}» надіслали сьогодні, {today}. Якщо бухгалтерії потрібні закривальні документи чи інші реквізити, напишіть тут — підготуємо.',
      '«{project}» жобасы бойынша шотты бүгін, {today}, жібердік. Бухгалтерияға жабу құжаттары немесе басқа деректемелер керек болса, осында жазыңыз — дайындаймыз.',
    ],
  },
  {
    slug: 'access',
    title: ['Access request', 'Запрос доступов', 'Запит доступів', 'Қолжетімділік сұрау'],
    body: [
      'To carry on with “{task}” we need access (a login or an invitation to the account). Could you share it in this task? Please don’t post passwords as plain text: a password-manager link is safer.',
      'Чтобы продолжить работу по задаче «{task}», нам нужен доступ (логин или приглашение в аккаунт). Пришлите его, пожалуйста, в эту задачу. Пароли лучше не писать открытым текстом — надёжнее ссылкой из менеджера паролей.',
      'Щоб продовжити роботу над задачею «{task}», нам потрібен доступ (логін або запрошення до акаунта). Надішліть його, будь ласка, у цю задачу. Паролі краще не писати відкритим текстом — надійніше посиланням із менеджера паролів.',
      '«{task}» тапсырмасы бойынша жұмысты жалғастыру үшін бізге қолжетімділік керек (логин немесе аккаунтқа шақыру). Оны осы тапсырмаға жіберуіңізді сұраймыз. Құпиясөздерді ашық мәтінмен жазбаған дұрыс — құпиясөз менеджерінің сілтемесімен қауіпсіздеу.',
    ],
  },
  {
    slug: 'on-it',
    title: ['We’re on it', 'Уже в работе', 'Уже в роботі', 'Жұмысқа алдық'],
    body: [
      'Thanks, we have it and are already on it. I will come back to you here with news today.',
      'Спасибо, получили — уже взяли в работу. Сегодня вернусь к вам здесь с новостями.',
      'Дякуємо, отримали — уже взяли в роботу. Сьогодні повернуся до вас тут із новинами.',
      'Рахмет, алдық — жұмысқа кірістік. Бүгін осында жаңалықпен қайта ораламын.',
    ],
  },
];

/** The built-in replies in `language` (ids "builtin.<slug>.<language>"). */
export function builtinReplies(language: Language): QuickReply[] {
  const index = QUICK_REPLY_LANGUAGES.indexOf(language);
  return DRAFTS.map((draft) => ({
    id: `builtin.${draft.slug}.${language}`,
    title: draft.title[index]!,
    body: `${HELLO[index]}\n\n${draft.body[index]}${SIGNED}`,
    language,
  }));
}

export function allBuiltinReplies(): QuickReply[] {
  return QUICK_REPLY_LANGUAGES.flatMap((language) => builtinReplies(language));
}
