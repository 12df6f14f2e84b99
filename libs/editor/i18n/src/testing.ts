export { testTranslator } from './lib/testing';
