import { defineTranslations } from '../../i18n/translations';

export const signinText = defineTranslations(
  {
    title: 'Sign in to the 102 console',
    login: 'Login',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    signOut: 'Sign out',
    offlineMode: 'signed in offline',
    refusal: {
      wrongCredentials: 'Wrong login or password.',
      locked: 'Too many failed attempts from this workstation. Wait a little and try again.',
      disabled: 'The account is disabled. Contact the digitalisation unit.',
      offlineUnknownAccount:
        'The central system is unreachable, and this account has never signed in on this workstation. Sign in once while it is online.',
      offlineTooOld:
        'The central system is unreachable, and the last online sign-in here is too long ago. Sign in while it is online.',
      unavailable:
        'Sign-in is unavailable right now. Try again; if it keeps failing, tell the digitalisation unit.',
      roleLocked:
        'This workstation is set up for another role: this account cannot sign in here. Use a workstation of your role.',
    },
  },
  {
    title: 'Вход в пульт «102»',
    login: 'Логин',
    password: 'Пароль',
    signIn: 'Войти',
    signingIn: 'Вход…',
    signOut: 'Выйти',
    offlineMode: 'вход без связи',
    refusal: {
      wrongCredentials: 'Неверный логин или пароль.',
      locked: 'Слишком много неудачных попыток с этого рабочего места. Подождите немного и повторите.',
      disabled: 'Учётная запись отключена. Обратитесь в подразделение цифровизации и ИИ.',
      offlineUnknownAccount:
        'Центральная система недоступна, а эта учётная запись ещё не входила на этом рабочем месте. Войдите один раз, когда связь будет.',
      offlineTooOld:
        'Центральная система недоступна, а последний вход при связи с ней был слишком давно. Войдите, когда связь восстановится.',
      unavailable:
        'Вход сейчас недоступен. Повторите; если не получается, сообщите в подразделение цифровизации и ИИ.',
      roleLocked:
        'Это рабочее место настроено для другой роли: с этой учётной записью здесь войти нельзя. Войдите на рабочем месте своей роли.',
    },
  },
  {
    title: '«102» пультіне кіру',
    login: 'Логин',
    password: 'Құпиясөз',
    signIn: 'Кіру',
    signingIn: 'Кіруде…',
    signOut: 'Шығу',
    offlineMode: 'байланыссыз кірді',
    refusal: {
      wrongCredentials: 'Логин немесе құпиясөз қате.',
      locked: 'Бұл жұмыс орнынан сәтсіз әрекеттер тым көп. Біраз күтіп, қайталаңыз.',
      disabled: 'Тіркелгі өшірілген. Цифрландыру және жасанды интеллект бөлінісіне хабарласыңыз.',
      offlineUnknownAccount:
        'Орталық жүйе қолжетімсіз, ал бұл тіркелгі осы жұмыс орнында әлі кірмеген. Байланыс болғанда бір рет кіріңіз.',
      offlineTooOld:
        'Орталық жүйе қолжетімсіз, ал мұнда онымен байланыс кезіндегі соңғы кіру тым ертеде болған. Байланыс қалпына келгенде кіріңіз.',
      unavailable:
        'Қазір кіру мүмкін емес. Қайталаңыз; болмаса, цифрландыру және жасанды интеллект бөлінісіне хабарласыңыз.',
      roleLocked:
        'Бұл жұмыс орны басқа рөлге бапталған: бұл тіркелгімен мұнда кіруге болмайды. Өз рөліңіздің жұмыс орнында кіріңіз.',
    },
  },
);
