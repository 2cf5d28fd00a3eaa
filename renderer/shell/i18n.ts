import { defineTranslations } from '../i18n/translations';

/** The frame's own words: why a command cannot run, and the overlay of a tab that lost its console. */
export const shellText = defineTranslations(
  {
    refusals: {
      notForRole: 'This command is not available to the role “{{role}}”.',
      signInFirst: 'Sign in first.',
      noCentral: 'This console works without a central system: there is nothing to sync.',
      starting: 'The console is still starting.',
    },
    consoleRefused: {
      title: 'This address is not the console’s',
      body: 'The console is running, but this tab was opened with an old or mistyped address. Open the console with the address it printed when it started, or from its shortcut.',
    },
    consoleLost: {
      title: 'The console is not running — reconnecting…',
      body: 'What you typed stays in this tab. Input is paused until the console answers again; nothing needs to be reloaded.',
      status: 'Console not answering',
    },
  },
  {
    refusals: {
      notForRole: 'Эта команда недоступна для роли «{{role}}».',
      signInFirst: 'Сначала войдите в систему.',
      noCentral: 'Этот пульт работает без центральной системы: синхронизировать нечего.',
      starting: 'Пульт ещё запускается.',
    },
    consoleRefused: {
      title: 'Этот адрес не принадлежит пульту',
      body: 'Пульт работает, но вкладка открыта по устаревшему или неверному адресу. Откройте пульт по адресу, который он вывел при запуске, или с ярлыка.',
    },
    consoleLost: {
      title: 'Пульт не работает — переподключение…',
      body: 'Введённое остаётся в этой вкладке. Ввод приостановлен, пока пульт снова не ответит; перезагружать страницу не нужно.',
      status: 'Пульт не отвечает',
    },
  },
  {
    refusals: {
      notForRole: 'Бұл пәрмен «{{role}}» рөліне қолжетімсіз.',
      signInFirst: 'Алдымен жүйеге кіріңіз.',
      noCentral: 'Бұл пульт орталық жүйесіз жұмыс істейді: синхрондайтын ештеңе жоқ.',
      starting: 'Пульт әлі іске қосылуда.',
    },
    consoleRefused: {
      title: 'Бұл мекенжай пультке тиесілі емес',
      body: 'Пульт жұмыс істеп тұр, бірақ бұл қойынды ескі немесе қате мекенжаймен ашылған. Пультті ол іске қосылғанда шығарған мекенжаймен немесе белгішесінен ашыңыз.',
    },
    consoleLost: {
      title: 'Пульт жұмыс істеп тұрған жоқ — қайта қосылуда…',
      body: 'Енгізілгендер осы қойындыда сақталады. Пульт қайта жауап бергенше енгізу тоқтатылды; бетті қайта жүктеудің қажеті жоқ.',
      status: 'Пульт жауап бермейді',
    },
  },
);
