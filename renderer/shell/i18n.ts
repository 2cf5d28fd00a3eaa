import { defineTranslations } from '../i18n/translations';

/** The frame's own words: the lost-console overlay, section commands and why a command cannot run here. */
export const shellText = defineTranslations(
  {
    consoleLost: {
      title: 'The console is not running — reconnecting…',
      body: 'What you typed stays in this tab. Input is paused until the console answers again; nothing needs to be reloaded.',
      status: 'Console not answering',
    },
  },
  {
    consoleLost: {
      title: 'Пульт не работает — переподключение…',
      body: 'Введённое остаётся в этой вкладке. Ввод приостановлен, пока пульт снова не ответит; перезагружать страницу не нужно.',
      status: 'Пульт не отвечает',
    },
  },
  {
    consoleLost: {
      title: 'Пульт жұмыс істеп тұрған жоқ — қайта қосылуда…',
      body: 'Енгізілгендер осы қойындыда сақталады. Пульт қайта жауап бергенше енгізу тоқтатылды; бетті қайта жүктеудің қажеті жоқ.',
      status: 'Пульт жауап бермейді',
    },
  },
);
