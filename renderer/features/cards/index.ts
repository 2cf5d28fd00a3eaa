export { CardsView } from './CardsView';
