/** Helpers at the HTTP edge: validation, id parameters, optional fields, one-line text, text trimming, refusal docs, load-or-404, constraint violations. */
export * from './api-refusals.decorator.js';
export * from './api-validation.pipe.js';
export * from './constraint-violation.util.js';
export * from './find-or-fail.util.js';
export * from './is-omittable.decorator.js';
export * from './no-control-characters.decorator.js';
export * from './text-transforms.decorator.js';
export * from './sent-fields.util.js';
export * from './uuid-param.decorator.js';
export * from './request-input.js';
export * from './paging.js';
export * from './is-calendar-date.decorator.js';
