export { CentreView } from './CentreView';
