import { defineTranslations } from '../../i18n/translations';

/** The card form's saving, limits and actions (namespace `cardForm`); the card's own words are in `cards`. */
export const cardFormText = defineTranslations(
  {
    save: {
      savedWithProblems:
        'Saved on this console at {{time}}, with errors to fix. Central gets the marked fields once they are correct.',
      failed: 'Not saved yet ({{reason}}). It is kept on screen and tried again.',
      changes: 'Save changes',
    },
    description: {
      counter: '{{used}} of {{max}} characters',
      cut: 'The description holds at most {{max}} characters: the end of the pasted text was left out ({{cut}} characters).',
    },
    outsideKazakhstan: 'The place is outside Kazakhstan. Check the coordinates.',
    readOnly: 'View only: your role does not change this card at its current status.',
    fixFirst: 'Fix the marked fields first.',
    /** A step written here and not yet answered by central: what the card is on its way to. */
    sending: {
      sendToInspector: 'Sending to the senior inspector…',
      forwardToService: 'Sending to the competent service…',
      startResponse: 'Starting the response…',
      forwardToDuty: 'Sending to the duty unit…',
      register: 'Registering in the КІҚЖ (КУИ)…',
      close: 'Closing…',
    },
    kuizhNumber: 'КІҚЖ (КУИ) number',
    steps: {
      sendToInspector: 'Send to the senior inspector',
      forwardToService: 'Forward to the competent service',
      startResponse: 'Start the response',
      forwardToDuty: 'Forward to the duty unit',
      register: 'Register in the КІҚЖ (КУИ)',
      close: 'Close the card',
    },
  },
  {
    save: {
      savedWithProblems:
        'Сохранено на этом пульте в {{time}}, есть ошибки. Отмеченные поля уйдут в центральную систему, когда будут исправлены.',
      failed: 'Ещё не сохранено ({{reason}}). Текст остаётся на экране, попытка повторится.',
      changes: 'Сохранить изменения',
    },
    description: {
      counter: '{{used}} из {{max}} символов',
      cut: 'В описании не более {{max}} символов: конец вставленного текста не вошёл (символов: {{cut}}).',
    },
    outsideKazakhstan: 'Место за пределами Казахстана. Проверьте координаты.',
    readOnly: 'Только просмотр: ваша роль не изменяет карточку в этом статусе.',
    fixFirst: 'Сначала исправьте отмеченные поля.',
    sending: {
      sendToInspector: 'Передаётся старшему инспектору…',
      forwardToService: 'Передаётся исполнителю по компетенции…',
      startResponse: 'Начинается реагирование…',
      forwardToDuty: 'Передаётся в дежурную часть…',
      register: 'Регистрируется в КУИ…',
      close: 'Закрывается…',
    },
    kuizhNumber: 'Номер в КУИ',
    steps: {
      sendToInspector: 'Передать старшему инспектору',
      forwardToService: 'Передать исполнителю по компетенции',
      startResponse: 'Начать реагирование',
      forwardToDuty: 'Передать в дежурную часть',
      register: 'Зарегистрировать в КУИ',
      close: 'Закрыть карточку',
    },
  },
  {
    save: {
      savedWithProblems:
        'Осы пультте {{time}} сақталды, қателер бар. Белгіленген өрістер түзетілгенде орталық жүйеге жіберіледі.',
      failed: 'Әлі сақталмады ({{reason}}). Мәтін экранда қалады, әрекет қайталанады.',
      changes: 'Өзгерістерді сақтау',
    },
    description: {
      counter: '{{max}} таңбаның {{used}}',
      cut: 'Сипаттамаға ең көбі {{max}} таңба сыяды: қойылған мәтіннің соңы енбеді ({{cut}} таңба).',
    },
    outsideKazakhstan: 'Орын Қазақстаннан тыс. Координаттарды тексеріңіз.',
    readOnly: 'Тек қарау: сіздің рөліңіз осы мәртебедегі карточканы өзгертпейді.',
    fixFirst: 'Алдымен белгіленген өрістерді түзетіңіз.',
    sending: {
      sendToInspector: 'Аға инспекторға жіберілуде…',
      forwardToService: 'Құзыреттілігі бойынша орындаушы қызметке жіберілуде…',
      startResponse: 'Ден қою басталуда…',
      forwardToDuty: 'Кезекші бөлімге жіберілуде…',
      register: 'КІҚЖ-де тіркелуде…',
      close: 'Жабылуда…',
    },
    kuizhNumber: 'КІҚЖ нөмірі',
    steps: {
      sendToInspector: 'Аға инспекторға жіберу',
      forwardToService: 'Құзыреттілігі бойынша орындаушы қызметке жіберу',
      startResponse: 'Ден қоюды бастау',
      forwardToDuty: 'Кезекші бөлімге жіберу',
      register: 'КІҚЖ-де тіркеу',
      close: 'Карточканы жабу',
    },
  },
);
