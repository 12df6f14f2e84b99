export * from './lib/field-rules';
export * from './lib/control-messages';
export * from './lib/form-field';
export * from './lib/submit-button';
export * from './lib/alert-message';
export * from './lib/time-zones';
export * from './lib/focus-first-invalid';
export * from './lib/form-submission';
