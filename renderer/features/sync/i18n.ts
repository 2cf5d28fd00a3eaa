import { defineTranslations } from '../../i18n/translations';

export const syncText = defineTranslations(
  {
    unsent: 'Unsent: {{count}}',
    syncNow: 'Sync now',
    state: {
      local: 'On this console only',
      sending: 'Sending…',
      synced: 'Synced',
      rejected: 'Rejected by central: {{reason}}',
    },
    commands: { syncNow: 'Send and receive changes now' },
  },
  {
    unsent: 'Не отправлено: {{count}}',
    syncNow: 'Синхронизировать',
    state: {
      local: 'Только на этом пульте',
      sending: 'Отправляется…',
      synced: 'Синхронизировано',
      rejected: 'Отклонено центральной системой: {{reason}}',
    },
    commands: { syncNow: 'Отправить и получить изменения сейчас' },
  },
  {
    unsent: 'Жіберілмегені: {{count}}',
    syncNow: 'Қазір синхрондау',
    state: {
      local: 'Тек осы пультте',
      sending: 'Жіберілуде…',
      synced: 'Синхрондалды',
      rejected: 'Орталық жүйе қабылдамады: {{reason}}',
    },
    commands: { syncNow: 'Өзгерістерді қазір жіберу және алу' },
  },
);
