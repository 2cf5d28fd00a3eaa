export { describeRefusal } from './describeRefusal';
