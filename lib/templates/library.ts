// The built-in library: templates an agency runs every month, in English,
// Russian, Ukrainian and Kazakh. Each is written once as a tree whose texts carry
// all four languages, so the four versions cannot drift apart in shape.
import { TEMPLATE_LANGUAGES, type Template, type TemplateLanguage, type TemplateNode } from './model';

/** One text in English, Russian, Ukrainian, Kazakh. */
type Texts = readonly [en: string, ru: string, uk: string, kk: string];

interface Draft {
  title: Texts;
  description?: Texts;
  role?: RoleKey;
  priority?: number;
  at: number;
  days: number;
  hidden?: boolean;
  checklist?: readonly Texts[];
  subtasks?: readonly Draft[];
}

const ROLES = {
  accountManager: ['Account manager', 'Аккаунт-менеджер', 'Акаунт-менеджер', 'Аккаунт-менеджер'],
  projectManager: ['Project manager', 'Менеджер проекта', 'Менеджер проєкту', 'Жоба менеджері'],
  strategist: ['Strategist', 'Стратег', 'Стратег', 'Стратег'],
  designer: ['Designer', 'Дизайнер', 'Дизайнер', 'Дизайнер'],
  developer: ['Developer', 'Разработчик', 'Розробник', 'Әзірлеуші'],
  seo: ['SEO specialist', 'SEO-специалист', 'SEO-спеціаліст', 'SEO маманы'],
  ppc: ['PPC specialist', 'PPC-специалист', 'PPC-спеціаліст', 'PPC маманы'],
  accountant: ['Accountant', 'Бухгалтер', 'Бухгалтер', 'Бухгалтер'],
} as const satisfies Record<string, Texts>;
type RoleKey = keyof typeof ROLES;

interface LibraryEntry {
  slug: string;
  name: Texts;
  description: Texts;
  roles: readonly RoleKey[];
  tasks: readonly Draft[];
}

type LanguageIndex = 0 | 1 | 2 | 3;
const LANGUAGE_INDEX: Record<TemplateLanguage, LanguageIndex> = { en: 0, ru: 1, uk: 2, kk: 3 };

const onboarding: LibraryEntry = {
  slug: 'client-onboarding',
  name: ['Client onboarding: context and goal', 'Онбординг клиента: контекст и цель', 'Онбординг клієнта: контекст і мета', 'Клиент онбордингі: контекст және мақсат'],
  description: [
    'From a signed contract to a team that knows the client’s goal, in two weeks.',
    'От подписанного договора до команды, которая знает цель клиента, за две недели.',
    'Від підписаного договору до команди, яка знає мету клієнта, за два тижні.',
    'Қол қойылған шарттан клиенттің мақсатын білетін командаға дейін — екі аптада.',
  ],
  roles: ['accountManager', 'projectManager', 'strategist'],
  tasks: [
    {
      title: ['Context and goal', 'Контекст и цель', 'Контекст і мета', 'Контекст және мақсат'],
      description: [
        'Agree with the client what the business needs, how we measure it, and what the first month delivers.',
        'Договориться с клиентом, что нужно бизнесу, как мы это измеряем и что даст первый месяц.',
        'Домовитися з клієнтом, що потрібно бізнесу, як ми це вимірюємо і що дасть перший місяць.',
        'Клиентпен бизнеске не қажет екенін, оны қалай өлшейтінімізді және бірінші ай қандай нәтиже беретінін келісу.',
      ],
      role: 'accountManager',
      priority: 8,
      at: 0,
      days: 10,
      subtasks: [
        {
          title: ['Kick-off call with the client', 'Стартовый созвон с клиентом', 'Стартовий дзвінок із клієнтом', 'Клиентпен бастапқы қоңырау'],
          role: 'accountManager',
          priority: 9,
          at: 0,
          days: 1,
          checklist: [
            ['Agenda sent a day before', 'Повестка отправлена за день', 'Порядок денний надіслано за день', 'Күн тәртібі бір күн бұрын жіберілді'],
            ['Decision-maker on the call', 'На созвоне есть тот, кто принимает решения', 'На дзвінку є той, хто ухвалює рішення', 'Қоңырауда шешім қабылдайтын адам бар'],
            ['Notes shared within two hours', 'Итоги разосланы в течение двух часов', 'Підсумки надіслано протягом двох годин', 'Қорытындылар екі сағат ішінде жіберілді'],
          ],
        },
        {
          title: ['Context and goal brief', 'Бриф: контекст и цель', 'Бриф: контекст і мета', 'Бриф: контекст және мақсат'],
          role: 'strategist',
          priority: 8,
          at: 1,
          days: 3,
          checklist: [
            ['Business goal and the KPI that shows it', 'Бизнес-цель и KPI, который её показывает', 'Бізнес-мета і KPI, що її показує', 'Бизнес мақсаты және оны көрсететін KPI'],
            ['Target audience and segments', 'Целевая аудитория и сегменты', 'Цільова аудиторія та сегменти', 'Мақсатты аудитория және сегменттер'],
            ['Three main competitors', 'Три главных конкурента', 'Три головні конкуренти', 'Үш негізгі бәсекелес'],
            ['Budget, deadlines and constraints', 'Бюджет, сроки и ограничения', 'Бюджет, терміни та обмеження', 'Бюджет, мерзімдер және шектеулер'],
            ['What counts as success after three months', 'Что считаем успехом через три месяца', 'Що вважаємо успіхом через три місяці', 'Үш айдан кейін нені табыс деп санаймыз'],
          ],
          subtasks: [
            {
              title: ['Client approves the brief', 'Клиент утверждает бриф', 'Клієнт затверджує бриф', 'Клиент брифті бекітеді'],
              role: 'accountManager',
              at: 4,
              days: 1,
            },
          ],
        },
        {
          title: ['Access and assets', 'Доступы и материалы', 'Доступи та матеріали', 'Қолжетімділік және материалдар'],
          role: 'projectManager',
          at: 1,
          days: 2,
          checklist: [
            ['Website admin access', 'Доступ в админку сайта', 'Доступ до адмінки сайту', 'Сайттың әкімші панеліне қолжетімділік'],
            ['Analytics and Search Console access', 'Доступ к аналитике и Search Console', 'Доступ до аналітики та Search Console', 'Аналитика мен Search Console-ға қолжетімділік'],
            ['Ad accounts access', 'Доступ к рекламным кабинетам', 'Доступ до рекламних кабінетів', 'Жарнама кабинеттеріне қолжетімділік'],
            ['Brand book, logos and fonts', 'Брендбук, логотипы и шрифты', 'Брендбук, логотипи та шрифти', 'Брендбук, логотиптер және қаріптер'],
          ],
        },
        {
          title: ['Internal handover to the team', 'Внутренняя передача команде', 'Внутрішня передача команді', 'Жобаны командаға ішкі тапсыру'],
          role: 'projectManager',
          at: 5,
          days: 1,
          hidden: true,
          checklist: [
            ['Brief walked through with everyone on the project', 'Бриф разобран со всеми участниками', 'Бриф розібрано з усіма учасниками', 'Бриф жобаның барлық қатысушыларымен талқыланды'],
            ['Hours budget per role agreed', 'Согласован бюджет часов по ролям', 'Погоджено бюджет годин за ролями', 'Рөлдер бойынша сағат бюджеті келісілді'],
            ['Risks and client sensitivities noted', 'Записаны риски и особенности клиента', 'Записано ризики та особливості клієнта', 'Тәуекелдер мен клиенттің ерекшеліктері жазылды'],
          ],
        },
        {
          title: ['First-month plan sent to the client', 'План первого месяца отправлен клиенту', 'План першого місяця надіслано клієнту', 'Бірінші айдың жоспары клиентке жіберілді'],
          role: 'accountManager',
          priority: 7,
          at: 6,
          days: 3,
          checklist: [
            ['Deliverables with dates', 'Результаты с датами', 'Результати з датами', 'Күндері көрсетілген нәтижелер'],
            ['Who is responsible on each side', 'Ответственные с каждой стороны', 'Відповідальні з кожного боку', 'Әр тараптан жауапты адамдар'],
            ['Date of the first report', 'Дата первого отчёта', 'Дата першого звіту', 'Алғашқы есептің күні'],
          ],
        },
      ],
    },
  ],
};

const seoReport: LibraryEntry = {
  slug: 'monthly-seo-report',
  name: ['Monthly SEO report', 'Ежемесячный SEO-отчёт', 'Щомісячний SEO-звіт', 'Айлық SEO есебі'],
  description: [
    'Data, findings and next month’s plan, sent and discussed in the first week.',
    'Данные, выводы и план на следующий месяц — отправлены и обсуждены в первую неделю.',
    'Дані, висновки та план на наступний місяць — надіслано й обговорено в перший тиждень.',
    'Деректер, қорытындылар және келесі айдың жоспары — бірінші аптада жіберіліп, талқыланады.',
  ],
  roles: ['seo', 'accountManager'],
  tasks: [
    {
      title: ['Monthly SEO report', 'Ежемесячный SEO-отчёт', 'Щомісячний SEO-звіт', 'Айлық SEO есебі'],
      role: 'seo',
      priority: 6,
      at: 0,
      days: 5,
      subtasks: [
        {
          title: ['Collect the month’s data', 'Собрать данные за месяц', 'Зібрати дані за місяць', 'Айдың деректерін жинау'],
          role: 'seo',
          at: 0,
          days: 2,
          checklist: [
            ['Search Console: clicks, impressions, CTR', 'Search Console: клики, показы, CTR', 'Search Console: кліки, покази, CTR', 'Search Console: басулар, көрсетілімдер, CTR'],
            ['Positions of tracked keywords', 'Позиции отслеживаемых запросов', 'Позиції відстежуваних запитів', 'Бақыланатын сұраулардың позициялары'],
            ['Organic traffic and conversions', 'Органический трафик и конверсии', 'Органічний трафік і конверсії', 'Органикалық трафик және конверсиялар'],
            ['Backlinks gained and lost', 'Полученные и потерянные ссылки', 'Отримані та втрачені посилання', 'Алынған және жоғалған сілтемелер'],
          ],
        },
        {
          title: ['Technical health check', 'Техническая проверка сайта', 'Технічна перевірка сайту', 'Сайтты техникалық тексеру'],
          role: 'seo',
          at: 1,
          days: 1,
          checklist: [
            ['Crawl errors and broken links', 'Ошибки сканирования и битые ссылки', 'Помилки сканування та биті посилання', 'Сканерлеу қателері және жұмыс істемейтін сілтемелер'],
            ['Core Web Vitals', 'Core Web Vitals', 'Core Web Vitals', 'Core Web Vitals'],
            ['Indexing coverage', 'Покрытие индексирования', 'Покриття індексування', 'Индекстеу қамтуы'],
          ],
        },
        {
          title: ['Write findings and next month’s plan', 'Написать выводы и план на месяц', 'Написати висновки та план на місяць', 'Қорытындылар мен келесі айдың жоспарын жазу'],
          role: 'seo',
          at: 2,
          days: 1,
          subtasks: [
            {
              title: ['Internal review of the report', 'Внутренняя проверка отчёта', 'Внутрішня перевірка звіту', 'Есепті ішкі тексеру'],
              role: 'accountManager',
              at: 3,
              days: 1,
              hidden: true,
            },
          ],
        },
        {
          title: ['Send the report and discuss it with the client', 'Отправить отчёт и обсудить с клиентом', 'Надіслати звіт і обговорити з клієнтом', 'Есепті жіберу және клиентпен талқылау'],
          role: 'accountManager',
          priority: 7,
          at: 4,
          days: 1,
          checklist: [
            ['Report sent with a three-line summary', 'Отчёт отправлен с кратким итогом в три строки', 'Звіт надіслано з коротким підсумком у три рядки', 'Есеп үш жолдық қысқа қорытындымен жіберілді'],
            ['Call booked to discuss it', 'Назначен созвон для обсуждения', 'Призначено дзвінок для обговорення', 'Талқылауға қоңырау белгіленді'],
            ['Next month’s priorities confirmed', 'Подтверждены приоритеты на месяц', 'Підтверджено пріоритети на місяць', 'Келесі айдың басымдықтары расталды'],
          ],
        },
      ],
    },
  ],
};

const websiteLaunch: LibraryEntry = {
  slug: 'website-launch',
  name: ['Website launch', 'Запуск сайта', 'Запуск сайту', 'Сайтты іске қосу'],
  description: [
    'Design, development, QA and launch of a corporate website in four weeks.',
    'Дизайн, разработка, тестирование и запуск корпоративного сайта за четыре недели.',
    'Дизайн, розробка, тестування та запуск корпоративного сайту за чотири тижні.',
    'Корпоративтік сайттың дизайны, әзірлеуі, тестілеуі және іске қосылуы — төрт аптада.',
  ],
  roles: ['projectManager', 'designer', 'developer', 'accountManager', 'seo'],
  tasks: [
    {
      title: ['Website launch', 'Запуск сайта', 'Запуск сайту', 'Сайтты іске қосу'],
      role: 'projectManager',
      priority: 8,
      at: 0,
      days: 20,
      subtasks: [
        {
          title: ['Design', 'Дизайн', 'Дизайн', 'Дизайн'],
          role: 'designer',
          at: 0,
          days: 8,
          subtasks: [
            { title: ['Sitemap and wireframes', 'Структура и прототипы', 'Структура та прототипи', 'Құрылым және прототиптер'], role: 'designer', at: 0, days: 3 },
            {
              title: ['Visual design of key pages', 'Дизайн ключевых страниц', 'Дизайн ключових сторінок', 'Негізгі беттердің дизайны'],
              role: 'designer',
              at: 3,
              days: 4,
              checklist: [
                ['Home page', 'Главная', 'Головна', 'Басты бет'],
                ['Service page', 'Страница услуги', 'Сторінка послуги', 'Қызмет беті'],
                ['Contacts and forms', 'Контакты и формы', 'Контакти та форми', 'Байланыстар және формалар'],
                ['Mobile versions', 'Мобильные версии', 'Мобільні версії', 'Мобильді нұсқалар'],
              ],
            },
            { title: ['Client approves the design', 'Клиент утверждает дизайн', 'Клієнт затверджує дизайн', 'Клиент дизайнды бекітеді'], role: 'accountManager', priority: 9, at: 7, days: 1 },
          ],
        },
        {
          title: ['Development', 'Разработка', 'Розробка', 'Әзірлеу'],
          role: 'developer',
          at: 8,
          days: 8,
          subtasks: [
            { title: ['Front-end layout', 'Вёрстка', 'Верстка', 'Фронтенд беттеу'], role: 'developer', at: 8, days: 4 },
            {
              title: ['Forms and CRM integration', 'Формы и интеграция с CRM', 'Форми та інтеграція з CRM', 'Формалар және CRM-мен интеграция'],
              role: 'developer',
              at: 10,
              days: 2,
              checklist: [
                ['Leads reach the CRM', 'Заявки попадают в CRM', 'Заявки потрапляють до CRM', 'Өтінімдер CRM-ге түседі'],
                ['Thank-you page with a goal', 'Страница благодарности с целью', 'Сторінка подяки з ціллю', 'Мақсаты бапталған алғыс беті'],
                ['Spam protection', 'Защита от спама', 'Захист від спаму', 'Спамнан қорғау'],
              ],
            },
            {
              title: ['CMS and content', 'CMS и контент', 'CMS і контент', 'CMS және контент'],
              role: 'developer',
              at: 12,
              days: 4,
              checklist: [
                ['Editable blocks for the client', 'Редактируемые блоки для клиента', 'Редаговані блоки для клієнта', 'Клиент өзі өңдей алатын блоктар'],
                ['Texts and images in place', 'Тексты и изображения на местах', 'Тексти та зображення на місцях', 'Мәтіндер мен суреттер орнында'],
              ],
            },
          ],
        },
        {
          title: ['Pre-launch QA', 'Проверка перед запуском', 'Перевірка перед запуском', 'Іске қосу алдындағы тексеру'],
          role: 'projectManager',
          priority: 9,
          at: 16,
          days: 2,
          checklist: [
            ['Forms deliver to the right inbox', 'Формы приходят на нужную почту', 'Форми надходять на потрібну пошту', 'Формалар қажетті поштаға келеді'],
            ['Mobile and main browsers', 'Мобильные и основные браузеры', 'Мобільні та основні браузери', 'Мобильді және негізгі браузерлер'],
            ['301 redirects from old URLs', '301-редиректы со старых адресов', '301-редиректи зі старих адрес', 'Ескі мекенжайлардан 301-редиректтер'],
            ['Analytics and goals', 'Аналитика и цели', 'Аналітика та цілі', 'Аналитика және мақсаттар'],
            ['HTTPS and page speed', 'HTTPS и скорость загрузки', 'HTTPS і швидкість завантаження', 'HTTPS және жүктелу жылдамдығы'],
          ],
        },
        {
          title: ['Launch and post-launch check', 'Запуск и проверка после запуска', 'Запуск і перевірка після запуску', 'Іске қосу және одан кейінгі тексеру'],
          role: 'developer',
          priority: 10,
          at: 18,
          days: 2,
          checklist: [
            ['DNS switched', 'DNS переключён', 'DNS перемкнено', 'DNS ауыстырылды'],
            ['Sitemap submitted to Search Console', 'Sitemap отправлен в Search Console', 'Sitemap надіслано до Search Console', 'Sitemap Search Console-ға жіберілді'],
            ['Client told, with the admin guide', 'Клиенту сообщили и передали инструкцию', 'Клієнту повідомлено й передано інструкцію', 'Клиентке хабарланып, басқару нұсқаулығы берілді'],
          ],
          subtasks: [
            { title: ['Indexing check a week later', 'Проверка индексации через неделю', 'Перевірка індексації через тиждень', 'Бір аптадан кейін индекстеуді тексеру'], role: 'seo', at: 23, days: 1 },
          ],
        },
      ],
    },
  ],
};

const adCampaign: LibraryEntry = {
  slug: 'ad-campaign',
  name: ['Ad campaign', 'Рекламная кампания', 'Рекламна кампанія', 'Жарнамалық науқан'],
  description: [
    'Media plan, creatives, setup, launch and a results report in three weeks.',
    'Медиаплан, креативы, настройка, запуск и отчёт о результатах за три недели.',
    'Медіаплан, креативи, налаштування, запуск і звіт про результати за три тижні.',
    'Медиажоспар, креативтер, баптау, іске қосу және нәтижелер есебі — үш аптада.',
  ],
  roles: ['ppc', 'designer', 'accountManager'],
  tasks: [
    {
      title: ['Ad campaign', 'Рекламная кампания', 'Рекламна кампанія', 'Жарнамалық науқан'],
      role: 'ppc',
      priority: 7,
      at: 0,
      days: 15,
      subtasks: [
        {
          title: ['Media plan and budget', 'Медиаплан и бюджет', 'Медіаплан і бюджет', 'Медиажоспар және бюджет'],
          role: 'ppc',
          at: 0,
          days: 2,
          checklist: [
            ['Channels and audiences', 'Каналы и аудитории', 'Канали та аудиторії', 'Арналар мен аудиториялар'],
            ['Budget split by week', 'Бюджет по неделям', 'Бюджет по тижнях', 'Апталар бойынша бюджет'],
            ['Target cost per lead', 'Целевая цена заявки', 'Цільова ціна заявки', 'Өтінімнің мақсатты құны'],
          ],
          subtasks: [
            { title: ['Client approves the media plan', 'Клиент утверждает медиаплан', 'Клієнт затверджує медіаплан', 'Клиент медиажоспарды бекітеді'], role: 'accountManager', priority: 9, at: 2, days: 1 },
          ],
        },
        {
          title: ['Creatives', 'Креативы', 'Креативи', 'Креативтер'],
          role: 'designer',
          at: 2,
          days: 3,
          checklist: [
            ['Banners in every required size', 'Баннеры во всех нужных размерах', 'Банери в усіх потрібних розмірах', 'Барлық қажетті өлшемдегі баннерлер'],
            ['Ad texts, three variants', 'Тексты объявлений, три варианта', 'Тексти оголошень, три варіанти', 'Жарнама мәтіндері, үш нұсқа'],
          ],
        },
        {
          title: ['Campaign setup', 'Настройка кампании', 'Налаштування кампанії', 'Науқанды баптау'],
          role: 'ppc',
          at: 5,
          days: 2,
          checklist: [
            ['Conversion tracking tested', 'Отслеживание конверсий проверено', 'Відстеження конверсій перевірено', 'Конверсияларды бақылау тексерілді'],
            ['UTM tags on every link', 'UTM-метки на всех ссылках', 'UTM-мітки на всіх посиланнях', 'Әр сілтемеде UTM белгілері'],
            ['Negative keywords', 'Минус-слова', 'Мінус-слова', 'Минус-сөздер'],
          ],
        },
        { title: ['Launch and first-week optimisation', 'Запуск и оптимизация первой недели', 'Запуск і оптимізація першого тижня', 'Іске қосу және бірінші аптадағы оңтайландыру'], role: 'ppc', at: 7, days: 5 },
        {
          title: ['Campaign results report', 'Отчёт о результатах кампании', 'Звіт про результати кампанії', 'Науқан нәтижелері туралы есеп'],
          role: 'accountManager',
          at: 12,
          days: 2,
          checklist: [
            ['Spend, leads and cost per lead', 'Расход, заявки и цена заявки', 'Витрати, заявки та ціна заявки', 'Шығын, өтінімдер және өтінім құны'],
            ['What we change next', 'Что меняем дальше', 'Що змінюємо далі', 'Әрі қарай нені өзгертеміз'],
          ],
        },
      ],
    },
  ],
};

const invoiceCycle: LibraryEntry = {
  slug: 'invoice-and-report',
  name: ['Invoice and report cycle', 'Цикл: счёт и отчёт', 'Цикл: рахунок і звіт', 'Цикл: шот және есеп'],
  description: [
    'Month-end: hours checked, work report and invoice sent, payment followed up.',
    'Конец месяца: часы проверены, отчёт о работах и счёт отправлены, оплата отслежена.',
    'Кінець місяця: години перевірено, звіт про роботи та рахунок надіслано, оплату відстежено.',
    'Ай соңы: сағаттар тексеріледі, жұмыс есебі мен шот жіберіледі, төлем қадағаланады.',
  ],
  roles: ['accountManager', 'projectManager', 'accountant'],
  tasks: [
    {
      title: ['Monthly invoice and report', 'Счёт и отчёт за месяц', 'Рахунок і звіт за місяць', 'Айлық шот және есеп'],
      role: 'accountManager',
      priority: 7,
      at: 0,
      days: 8,
      subtasks: [
        {
          title: ['Check the month’s hours and costs', 'Проверить часы и затраты за месяц', 'Перевірити години та витрати за місяць', 'Айдағы сағаттар мен шығындарды тексеру'],
          role: 'projectManager',
          at: 0,
          days: 1,
          hidden: true,
          checklist: [
            ['Everyone has logged their time', 'Все внесли своё время', 'Усі внесли свій час', 'Барлығы өз уақытын енгізді'],
            ['Hours compared with the plan', 'Часы сверены с планом', 'Години звірено з планом', 'Сағаттар жоспармен салыстырылды'],
            ['Extra work agreed with the client', 'Дополнительные работы согласованы с клиентом', 'Додаткові роботи погоджено з клієнтом', 'Қосымша жұмыстар клиентпен келісілді'],
          ],
        },
        {
          title: ['Work report for the client', 'Отчёт о работах для клиента', 'Звіт про роботи для клієнта', 'Клиентке арналған атқарылған жұмыстар есебі'],
          role: 'accountManager',
          at: 1,
          days: 2,
          checklist: [
            ['Done this month, with links', 'Сделано за месяц, со ссылками', 'Зроблено за місяць, з посиланнями', 'Ай ішінде атқарылғаны, сілтемелерімен'],
            ['Hours by type of work', 'Часы по видам работ', 'Години за видами робіт', 'Жұмыс түрлері бойынша сағаттар'],
            ['Plan for next month', 'План на следующий месяц', 'План на наступний місяць', 'Келесі айдың жоспары'],
          ],
        },
        { title: ['Issue the invoice', 'Выставить счёт', 'Виставити рахунок', 'Шот ұсыну'], role: 'accountant', at: 2, days: 1, hidden: true },
        { title: ['Send the report and invoice', 'Отправить отчёт и счёт', 'Надіслати звіт і рахунок', 'Есеп пен шотты жіберу'], role: 'accountManager', priority: 8, at: 3, days: 1 },
        {
          title: ['Follow up on payment', 'Проконтролировать оплату', 'Проконтролювати оплату', 'Төлемді қадағалау'],
          role: 'accountant',
          at: 7,
          days: 1,
          hidden: true,
          checklist: [
            ['Payment received', 'Оплата получена', 'Оплату отримано', 'Төлем алынды'],
            ['Closing documents signed', 'Закрывающие документы подписаны', 'Закривальні документи підписано', 'Жабу құжаттарына қол қойылды'],
          ],
        },
      ],
    },
  ],
};

const ENTRIES: readonly LibraryEntry[] = [onboarding, seoReport, websiteLaunch, adCampaign, invoiceCycle];

function buildNode(draft: Draft, index: LanguageIndex): TemplateNode {
  const node: TemplateNode = { title: draft.title[index], startOffset: draft.at, duration: draft.days };
  if (draft.description) node.description = draft.description[index];
  if (draft.role) node.role = ROLES[draft.role][index];
  if (draft.priority !== undefined) node.priority = draft.priority;
  if (draft.hidden) node.hiddenFromClient = true;
  if (draft.checklist) node.checklist = draft.checklist.map((item) => item[index]);
  if (draft.subtasks) node.subtasks = draft.subtasks.map((child) => buildNode(child, index));
  return node;
}

/** The built-in templates in `language` (ids "builtin.<slug>.<language>"). */
export function builtinTemplates(language: TemplateLanguage): Template[] {
  const index = LANGUAGE_INDEX[language];
  return ENTRIES.map((entry) => ({
    id: `builtin.${entry.slug}.${language}`,
    name: entry.name[index],
    description: entry.description[index],
    language,
    roles: entry.roles.map((role) => ROLES[role][index]),
    tasks: entry.tasks.map((draft) => buildNode(draft, index)),
  }));
}

/** All built-ins in every language. */
export function allBuiltinTemplates(): Template[] {
  return TEMPLATE_LANGUAGES.flatMap((language) => builtinTemplates(language));
}
