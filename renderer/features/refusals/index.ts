export { type Translate, describeRefusal } from './describeRefusal';
