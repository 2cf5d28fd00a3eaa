import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../shell/LanguageSwitch';
import { useConsole } from '../../store';

/** Sign-in against central; when central is unreachable, main checks the verifier of an earlier online sign-in. */
export function SignInScreen() {
  const { t } = useTranslation('signin');
  const signIn = useConsole((s) => s.signIn);
  const signingIn = useConsole((s) => s.signingIn);
  const refusal = useConsole((s) => s.signInRefusal);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  return (
    <div className="signin">
      <form
        className="panel signin__form"
        aria-labelledby="signin-title"
        onSubmit={(event) => {
          event.preventDefault();
          void signIn(login, password);
        }}
      >
        <h1 id="signin-title">{t('title')}</h1>
        <label htmlFor="signin-login">{t('login')}</label>
        <input
          id="signin-login"
          autoComplete="username"
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          autoFocus
        />
        <label htmlFor="signin-password">{t('password')}</label>
        <input
          id="signin-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {refusal && (
          <div className="banner banner--error" role="alert">
            {t(`refusal.${refusal}`)}
          </div>
        )}
        <button type="submit" className="primary" disabled={signingIn || login === '' || password === ''}>
          {signingIn ? t('signingIn') : t('signIn')}
        </button>
        <LanguageSwitch />
      </form>
    </div>
  );
}
