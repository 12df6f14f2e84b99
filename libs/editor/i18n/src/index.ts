export * from './lib/languages';
export * from './lib/icu-plural';
export * from './lib/i18n';
export * from './lib/transloco-setup';
export { lookup, interpolate, translatorOver, type Dictionary } from './lib/translator';
