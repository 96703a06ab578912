/** Kept for libs/minutes' unit spec, which imports this path; everything else takes pdf-text from the kit. */
export * from '../kit/pdf-text.js';
