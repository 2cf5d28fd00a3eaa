export { SessionBadge } from './SessionBadge';
export { SignInScreen } from './SignInScreen';
