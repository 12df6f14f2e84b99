import type { Rubric } from '@vestnik/contracts';
import type { DemoImage } from './demo-images';

/**
 * Where the demo leaves a post. `published` and `failed` go out through the worker a minute or two
 * after the run starts (the API accepts no time in the past for approval); `resubmitted` was sent
 * back once and is in review again with its changes; `rejected` is a draft with the rejection.
 */
export const DEMO_STATES = ['draft', 'in_review', 'scheduled', 'published', 'failed', 'rejected', 'resubmitted', 'cancelled'] as const;
export type DemoState = (typeof DEMO_STATES)[number];

export interface DemoPost {
  /** The internal title: unique, it is how a second run recognises the post. */
  title: string;
  state: DemoState;
  rubric: Rubric;
  organization: string;
  /** Keys of `CHANNELS`. */
  channels: string[];
  /** Days from today in the organization's zone (ignored for `published` and `failed`). */
  day: number;
  /** Local time `HH:mm` (ignored for `published` and `failed`). */
  time: string;
  text: string;
  link?: string;
  images?: DemoImage[];
  /** The supervisor's comment for `rejected` and `resubmitted`. */
  rejection?: string;
  /** The author's corrected text for `resubmitted`. */
  correction?: string;
}

const REGION = 'Администрация Сахалинской области';
const YUZHNO = 'Администрация города Южно-Сахалинска';
const KORSAKOV = 'Администрация Корсаковского городского округа';
const KHOLMSK = 'Администрация Холмского городского округа';

export const POSTS: DemoPost[] = [
  // Published now by the worker (they stand on today in the calendar).
  {
    title: 'Приём граждан губернатором',
    state: 'published',
    rubric: 'official',
    organization: REGION,
    channels: ['region-vk', 'region-ok', 'region-tg', 'region-max'],
    day: 0,
    time: '',
    text: '**Личный приём граждан** проведёт губернатор Сахалинской области в четверг с 15:00 в здании Правительства (Коммунистический проспект, 39).\n\nПредварительная запись — по телефону 8 (4242) 67-00-00 в рабочие дни с 9:00 до 18:00. При себе иметь паспорт.',
    link: 'https://sakhalin.gov.ru/',
  },
  {
    title: 'Как подать показания счётчиков через Госуслуги',
    state: 'published',
    rubric: 'useful',
    organization: REGION,
    channels: ['region-vk', 'region-tg'],
    day: 0,
    time: '',
    text: 'Передать показания счётчиков воды и электроэнергии можно, не выходя из дома.\n\n1. Войдите на Госуслуги.\n2. Выберите «Передача показаний счётчиков».\n3. Укажите лицевой счёт из квитанции и текущие показания.\n\nПоказания принимаются с 15 по 25 число каждого месяца.',
    images: ['sea'],
  },
  {
    title: 'Гимназия № 1: итоги олимпиады',
    state: 'published',
    rubric: 'official',
    organization: 'МАОУ Гимназия № 1 г. Южно-Сахалинска',
    channels: ['gymnasium-vk'],
    day: 0,
    time: '',
    text: 'Поздравляем учеников гимназии — призёров муниципального этапа всероссийской олимпиады школьников! Шесть дипломов по математике, физике и истории. Благодарим учителей и родителей за поддержку.',
    images: ['school'],
  },
  {
    title: 'Поликлиника: вакцинация от гриппа',
    state: 'published',
    rubric: 'useful',
    organization: 'ГБУЗ «Городская поликлиника № 1 г. Южно-Сахалинска»',
    channels: ['polyclinic-tg'],
    day: 0,
    time: '',
    text: 'Продолжается бесплатная вакцинация от гриппа. Прививку можно сделать в кабинете № 112 с 8:00 до 19:00 без предварительной записи, при себе иметь паспорт и полис ОМС.',
  },
  {
    title: 'ДК «Родина»: мастер-класс по айнской вышивке',
    state: 'published',
    rubric: 'entertaining',
    organization: 'МБУК «Дом культуры «Родина»',
    channels: ['rodina-vk'],
    day: 0,
    time: '',
    text: 'В субботу в 12:00 приглашаем взрослых и детей от 10 лет на мастер-класс по традиционной айнской вышивке. Материалы предоставим, вход свободный.',
    images: ['concert'],
  },
  {
    title: 'Корсаков: график вывоза крупногабаритного мусора',
    state: 'published',
    rubric: 'useful',
    organization: KORSAKOV,
    channels: ['korsakov-ok', 'korsakov-tg'],
    day: 0,
    time: '',
    text: 'Крупногабаритный мусор в Корсакове вывозят по средам. Оставлять мебель и технику нужно на специальных площадках у контейнеров, а не у подъездов. Адреса площадок — на сайте администрации округа.',
  },
  // Failed: the sandbox refuses it (fault injection), the attention list shows it.
  {
    title: 'Холмск: отключение электроэнергии',
    state: 'failed',
    rubric: 'official',
    organization: KHOLMSK,
    channels: ['kholmsk-tg'],
    day: 0,
    time: '',
    text: 'В связи с плановым ремонтом сетей в четверг с 10:00 до 16:00 будет отключена электроэнергия на улицах Школьной, Садовой и Победы. Приносим извинения за неудобства.',
  },
  // Approved, waiting for their time.
  {
    title: 'День открытых дверей в гимназии',
    state: 'scheduled',
    rubric: 'official',
    organization: 'МАОУ Гимназия № 1 г. Южно-Сахалинска',
    channels: ['gymnasium-vk'],
    day: 2,
    time: '10:00',
    text: 'Приглашаем будущих первоклассников и их родителей на день открытых дверей. Расскажем о программах обучения, покажем кабинеты и познакомим с учителями. Начало в 11:00, актовый зал.',
    images: ['school'],
  },
  {
    title: 'Осторожно: гололёд',
    state: 'scheduled',
    rubric: 'useful',
    organization: REGION,
    channels: ['region-vk', 'region-ok', 'region-tg', 'region-max'],
    day: 1,
    time: '08:00',
    text: '**Осторожно, гололёд!** По данным Сахалинского УГМС, ночью и утром на дорогах области ожидается гололедица. Водителям — снизить скорость и увеличить дистанцию, пешеходам — выбирать обувь с нескользящей подошвой.',
    images: ['snow'],
  },
  {
    title: 'Концерт «Зимние мелодии»',
    state: 'scheduled',
    rubric: 'entertaining',
    organization: 'МБУК «Корсаковский районный дом культуры»',
    channels: ['korsakov-dk-ok'],
    day: 5,
    time: '12:00',
    text: 'Приглашаем на концерт «Зимние мелодии»: хоровые коллективы и солисты районного дома культуры исполнят любимые песни о зиме. Начало в 18:00, вход свободный.',
    images: ['concert'],
  },
  {
    title: 'Южно-Сахалинск: расписание катков',
    state: 'scheduled',
    rubric: 'entertaining',
    organization: YUZHNO,
    channels: ['yuzhno-vk', 'yuzhno-max'],
    day: 7,
    time: '17:30',
    text: 'Открыты городские катки! В парке имени Гагарина — ежедневно с 10:00 до 22:00, на стадионе «Спартак» — с 12:00 до 21:00. Прокат коньков работает на обоих катках.',
    images: ['snow'],
  },
  {
    title: 'Диспансеризация взрослых',
    state: 'scheduled',
    rubric: 'useful',
    organization: KORSAKOV,
    channels: ['korsakov-tg'],
    day: 9,
    time: '09:00',
    text: 'Корсаковская центральная районная больница: пройти диспансеризацию можно в отделении профилактики (кабинет № 5) по будням с 8:00 до 15:00. Обследование бесплатное, по полису ОМС; в субботу отделение работает с 9:00 до 13:00.',
  },
  {
    title: 'Итоги заседания Правительства',
    state: 'scheduled',
    rubric: 'official',
    organization: REGION,
    channels: ['region-vk', 'region-tg'],
    day: 12,
    time: '15:00',
    text: 'На заседании Правительства Сахалинской области утверждены программа ремонта дорог на следующий год и меры поддержки семей с детьми. Подробности — на официальном сайте.',
    link: 'https://sakhalin.gov.ru/',
  },
  {
    title: 'Налоговый вычет за лечение',
    state: 'scheduled',
    rubric: 'useful',
    organization: REGION,
    channels: ['region-vk', 'region-ok', 'region-tg', 'region-max'],
    day: 16,
    time: '12:00',
    text: 'Часть расходов на лечение и лекарства можно вернуть. Справку об оплате медицинских услуг клиника выдаёт по заявлению, а декларацию 3-НДФЛ удобно подать в личном кабинете налогоплательщика. Вернуть можно до 13 % расходов.',
  },
  {
    title: 'Новогодний спектакль «Морозко»',
    state: 'scheduled',
    rubric: 'entertaining',
    organization: 'МБУК «Дом культуры «Родина»',
    channels: ['rodina-vk'],
    day: 18,
    time: '11:00',
    text: 'Театральная студия ДК «Родина» приглашает на новогодний спектакль «Морозко» для детей от 4 лет. Показы — 27 и 28 декабря в 12:00 и 15:00. Билеты в кассе дома культуры.',
    images: ['concert'],
  },
  {
    title: 'Зимние каникулы: режим работы школы',
    state: 'scheduled',
    rubric: 'official',
    organization: 'МАОУ СОШ № 2 г. Корсакова',
    channels: ['school2-tg'],
    day: 22,
    time: '15:00',
    text: 'Зимние каникулы — с 29 декабря по 11 января. Спортивный зал и библиотека работают для учеников по расписанию на сайте школы.',
  },
  {
    title: 'Поздравление губернатора с Новым годом',
    state: 'scheduled',
    rubric: 'official',
    organization: REGION,
    channels: ['region-vk', 'region-ok', 'region-tg', 'region-max'],
    day: 27,
    time: '20:00',
    text: 'Дорогие земляки! От всей души поздравляю вас с наступающим Новым годом! Пусть он принесёт здоровье, благополучие и новые добрые дела на благо Сахалина и Курил.',
    images: ['snow'],
  },
  // In review: the supervisor's queue.
  {
    title: 'Новогодняя ёлка на площади Победы',
    state: 'in_review',
    rubric: 'entertaining',
    organization: YUZHNO,
    channels: ['yuzhno-vk'],
    day: 4,
    time: '11:00',
    text: 'Главная ёлка города зажжёт огни в пятницу в 18:00 на площади Победы. В программе — выступления творческих коллективов, хоровод и фейерверк.',
    images: ['snow', 'concert'],
  },
  {
    title: 'Приём документов в первый класс',
    state: 'in_review',
    rubric: 'official',
    organization: 'МАОУ СОШ № 2 г. Корсакова',
    channels: ['school2-tg'],
    day: 3,
    time: '09:30',
    text: 'Напоминаем: заявления о зачислении в первый класс принимаются через Госуслуги и лично в канцелярии школы. Список документов — на сайте школы.',
  },
  {
    title: 'Холмск: конкурс снежных фигур',
    state: 'in_review',
    rubric: 'entertaining',
    organization: 'МБУК «Холмский городской дом культуры»',
    channels: ['kholmsk-dk-ok'],
    day: 6,
    time: '13:00',
    text: 'Объявляем конкурс снежных фигур для семейных команд! Заявки принимаются до 20 числа в ДК. Лучшие работы получат призы, а все участники — горячий чай.',
  },
  {
    title: 'Сбор предложений в программу благоустройства',
    state: 'resubmitted',
    rubric: 'official',
    organization: KORSAKOV,
    channels: ['korsakov-ok', 'korsakov-tg'],
    day: 8,
    time: '10:00',
    text: 'Жители могут предложить дворы и общественные пространства для благоустройства в следующем году.',
    rejection: 'Укажите, как и до какого числа подать предложение, и добавьте контакты.',
    correction:
      'Жители могут предложить дворы и общественные пространства для благоустройства в следующем году. Предложения принимаются до конца месяца на платформе обратной связи Госуслуг и в приёмной администрации (ул. Советская, 41), телефон 8 (42435) 4-00-00.',
  },
  {
    title: 'Холмск: приём заявок на расселение',
    state: 'in_review',
    rubric: 'official',
    organization: KHOLMSK,
    channels: ['kholmsk-tg'],
    day: 20,
    time: '10:00',
    text: 'Продолжается приём заявлений от жителей аварийных домов на участие в программе переселения. Консультации — в отделе жилищной политики (кабинет № 12) по вторникам и четвергам с 9:00 до 13:00.',
  },
  // Drafts in the making.
  {
    title: 'Отчёт о ремонте дорог',
    state: 'draft',
    rubric: 'official',
    organization: REGION,
    channels: ['region-vk', 'region-ok'],
    day: 14,
    time: '12:00',
    text: 'В этом году в области отремонтировано более 60 километров дорог. Итоги по каждому муниципалитету — в таблице на сайте министерства транспорта.',
  },
  {
    title: 'Библиотечная неделя',
    state: 'draft',
    rubric: 'entertaining',
    organization: 'МБУК «Холмский городской дом культуры»',
    channels: ['kholmsk-dk-ok'],
    day: 10,
    time: '14:00',
    text: 'Черновик: программа библиотечной недели — чтения, встреча с местными авторами, обмен книгами.',
  },
  {
    title: 'Советы по безопасности на льду',
    state: 'draft',
    rubric: 'useful',
    organization: KHOLMSK,
    channels: ['kholmsk-tg'],
    day: -3,
    time: '10:00',
    text: 'Выход на лёд опасен, пока его толщина меньше 10 см. Не выходите на лёд в одиночку и в тёмное время суток, держите телефон заряженным. Телефон экстренных служб — 112.',
  },
  {
    title: 'Прививочная кампания: итоги недели',
    state: 'draft',
    rubric: 'official',
    organization: 'ГБУЗ «Городская поликлиника № 1 г. Южно-Сахалинска»',
    channels: ['polyclinic-tg'],
    day: -9,
    time: '16:00',
    text: 'За неделю в поликлинике привились от гриппа более 1 200 человек.',
  },
  {
    title: 'Режим работы поликлиники в праздники',
    state: 'draft',
    rubric: 'useful',
    organization: 'ГБУЗ «Городская поликлиника № 1 г. Южно-Сахалинска»',
    channels: ['polyclinic-tg'],
    day: 24,
    time: '10:00',
    text: 'Черновик: график работы поликлиники и дежурных кабинетов с 31 декабря по 11 января — уточнить у главного врача.',
  },
  // Sent back by the supervisor.
  {
    title: 'Родительское собрание',
    state: 'rejected',
    rubric: 'official',
    organization: 'МАОУ СОШ № 2 г. Корсакова',
    channels: ['school2-tg'],
    day: 2,
    time: '18:00',
    text: 'Общешкольное родительское собрание состоится на следующей неделе.',
    rejection: 'Не указаны дата, время и место собрания. Уточните и отправьте снова.',
  },
  {
    title: 'Розыгрыш билетов на спектакль',
    state: 'rejected',
    rubric: 'entertaining',
    organization: 'МБУК «Дом культуры «Родина»',
    channels: ['rodina-vk'],
    day: 11,
    time: '12:00',
    text: 'Разыгрываем два билета на новогодний спектакль! Сделайте репост этой записи и отметьте друга.',
    rejection: 'Розыгрыши с репостами на официальной странице учреждения не проводим. Предлагаю рассказать о спектакле и продаже билетов.',
  },
  // Cancelled.
  {
    title: 'Субботник в парке (перенесён)',
    state: 'cancelled',
    rubric: 'official',
    organization: YUZHNO,
    channels: ['yuzhno-vk'],
    day: -6,
    time: '09:00',
    text: 'Приглашаем жителей на общегородской субботник в парке имени Гагарина в субботу в 10:00.',
  },
  {
    title: 'Ярмарка выходного дня',
    state: 'cancelled',
    rubric: 'useful',
    organization: KORSAKOV,
    channels: ['korsakov-tg'],
    day: 13,
    time: '10:00',
    text: 'В субботу на площади у администрации пройдёт ярмарка выходного дня: рыба, овощи и мёд от местных производителей.',
  },
  {
    title: 'Осенний бал (отменён)',
    state: 'cancelled',
    rubric: 'entertaining',
    organization: 'МБУК «Корсаковский районный дом культуры»',
    channels: ['korsakov-dk-ok'],
    day: -12,
    time: '18:00',
    text: 'Приглашаем на осенний бал для старшего поколения: живая музыка, танцы и чаепитие.',
  },
];
