export { CsvDocument, type DocumentChange } from './document.js';
