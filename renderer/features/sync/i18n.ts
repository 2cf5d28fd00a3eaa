import { defineTranslations } from '../../i18n/translations';

export const syncText = defineTranslations(
  {
    unsent: 'Unsent: {{count}}',
    syncNow: 'Sync now',
    state: {
      local: 'On this console only',
      sending: 'Sending…',
      synced: 'Synced',
      rejected: 'Refused by central',
    },
    commands: { syncNow: 'Send and receive changes now' },
    refusal: {
      operation: {
        cardCreate: 'Central refused this card',
        cardUpdate: 'Central refused a change to this card',
        cardTransition: 'Central refused a step of this card',
        recordingMeta: 'Central refused the call recording of this card',
        unitsDispatch: 'Central did not dispatch the units to this card',
        referenceCheck: 'Central did not make the queued reference check of this card',
      },
      kept: 'What you typed is kept on this console.',
      restored: 'The card shows central’s version.',
    },
  },
  {
    unsent: 'Не отправлено: {{count}}',
    syncNow: 'Синхронизировать',
    state: {
      local: 'Только на этом пульте',
      sending: 'Отправляется…',
      synced: 'Синхронизировано',
      rejected: 'Отклонено центральной системой',
    },
    commands: { syncNow: 'Отправить и получить изменения сейчас' },
    refusal: {
      operation: {
        cardCreate: 'Центральная система не приняла эту карточку',
        cardUpdate: 'Центральная система не приняла изменение карточки',
        cardTransition: 'Центральная система не приняла шаг по карточке',
        recordingMeta: 'Центральная система не приняла запись звонка этой карточки',
        unitsDispatch: 'Центральная система не направила наряды по этой карточке',
        referenceCheck: 'Центральная система не выполнила отложенную проверку по учётам по этой карточке',
      },
      kept: 'Введённое вами сохранено на этом пульте.',
      restored: 'В карточке показана версия центральной системы.',
    },
  },
  {
    unsent: 'Жіберілмегені: {{count}}',
    syncNow: 'Қазір синхрондау',
    state: {
      local: 'Тек осы пультте',
      sending: 'Жіберілуде…',
      synced: 'Синхрондалды',
      rejected: 'Орталық жүйе қабылдамады',
    },
    commands: { syncNow: 'Өзгерістерді қазір жіберу және алу' },
    refusal: {
      operation: {
        cardCreate: 'Орталық жүйе бұл карточканы қабылдамады',
        cardUpdate: 'Орталық жүйе карточкадағы өзгерісті қабылдамады',
        cardTransition: 'Орталық жүйе карточка бойынша қадамды қабылдамады',
        recordingMeta: 'Орталық жүйе осы карточканың қоңырау жазбасын қабылдамады',
        unitsDispatch: 'Орталық жүйе осы карточка бойынша нарядтарды жібермеді',
        referenceCheck:
          'Орталық жүйе осы карточка бойынша кезекке қойылған есептер бойынша тексеруді жасамады',
      },
      kept: 'Енгізгеніңіз осы пультте сақталды.',
      restored: 'Карточкада орталық жүйедегі нұсқа көрсетілген.',
    },
  },
);
