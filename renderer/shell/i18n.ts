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
    consoleLost: {
      title: 'Пульт жұмыс істеп тұрған жоқ — қайта қосылуда…',
      body: 'Енгізілгендер осы қойындыда сақталады. Пульт қайта жауап бергенше енгізу тоқтатылды; бетті қайта жүктеудің қажеті жоқ.',
      status: 'Пульт жауап бермейді',
    },
  },
);
