export * from './danish-format.js';
export * from './minutes-attendance.js';
export * from './minutes-document.js';
export * from './minutes-html.renderer.js';
export * from './minutes-markdown.renderer.js';
export * from './item-votes.js';
export * from './minutes-addenda.js';
