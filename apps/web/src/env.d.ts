/** Det Fælles Designsystem's style sheet, by the alias in vite.config.ts. */
declare module 'dkfds-css';
