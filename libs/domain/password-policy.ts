import { createRequire } from 'node:module';
import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type { OptionsType, TranslationKeys, ZxcvbnFactory } from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import type * as ZxcvbnEnglish from '@zxcvbn-ts/language-en';
import { DomainError } from './errors.js';

/** NIST SP 800-63B asks for at least 8; a password that guards closed case material gets 12. */
export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase; longer only makes hashing slower. */
export const MAX_PASSWORD_LENGTH = 1024;
/** zxcvbn's score from 0 (too guessable) to 4; 3 is "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;

/** Words Danish users reach for first, and the product's own, which zxcvbn's English and common lists lack. */
const DANISH_GUESSES = [
  'adgangskode', 'kodeord', 'hemmelig', 'velkommen', 'sommer', 'vinter', 'forår', 'efterår', 'danmark', 'københavn',
  'aarhus', 'odense', 'aalborg', 'kommune', 'region', 'udvalg', 'udvalgsarbejde', 'byråd', 'borgmester', 'dagsorden',
  'referat', 'møde', 'kommissorium', 'jensen', 'nielsen', 'hansen', 'pedersen', 'andersen', 'christensen', 'larsen',
];

const DANISH: TranslationKeys = {
  warnings: {
    straightRow: 'Rækker af taster ved siden af hinanden er lette at gætte.',
    keyPattern: 'Korte tastaturmønstre er lette at gætte.',
    simpleRepeat: 'Gentagne tegn som "aaa" er lette at gætte.',
    extendedRepeat: 'Gentagne mønstre som "abcabcabc" er lette at gætte.',
    sequences: 'Almindelige rækkefølger som "abc" og "123" er lette at gætte.',
    recentYears: 'Årstal fra de seneste år er lette at gætte.',
    dates: 'Datoer er lette at gætte.',
    topTen: 'Det er en af de mest brugte adgangskoder.',
    topHundred: 'Det er en meget brugt adgangskode.',
    common: 'Det er en almindeligt brugt adgangskode.',
    similarToCommon: 'Den ligner en almindeligt brugt adgangskode.',
    wordByItself: 'Enkelte ord er lette at gætte.',
    namesByThemselves: 'Enkelte navne eller efternavne er lette at gætte.',
    commonNames: 'Almindelige navne og efternavne er lette at gætte.',
    userInputs: 'Adgangskoden må ikke indeholde dit navn, din e-mailadresse eller andet om dig.',
    pwned: 'Adgangskoden er blevet lækket på internettet.',
  },
  suggestions: {
    l33t: "Undgå forudsigelige bogstaverstatninger som '@' for 'a'.",
    reverseWords: 'Undgå almindelige ord stavet baglæns.',
    allUppercase: 'Brug store bogstaver nogle steder, ikke overalt.',
    capitalization: 'Brug flere store bogstaver end det første.',
    dates: 'Undgå datoer og årstal, der har med dig at gøre.',
    recentYears: 'Undgå årstal fra de seneste år.',
    associatedYears: 'Undgå årstal, der har med dig at gøre.',
    sequences: 'Undgå almindelige rækkefølger af tegn.',
    repeated: 'Undgå gentagne ord og tegn.',
    longerKeyboardPattern: 'Brug længere tastaturmønstre, og skift retning flere gange.',
    anotherWord: 'Tilføj flere ord, der er mindre almindelige.',
    useWords: 'Brug flere ord, men undgå kendte vendinger.',
    noNeed: 'En stærk adgangskode behøver ikke symboler, tal eller store bogstaver: flere ord gør det.',
    pwned: 'Bruger du adgangskoden andre steder, bør du skifte den.',
  },
  timeEstimation: {
    ltSecond: 'under et sekund',
    second: '{base} sekund',
    seconds: '{base} sekunder',
    minute: '{base} minut',
    minutes: '{base} minutter',
    hour: '{base} time',
    hours: '{base} timer',
    day: '{base} dag',
    days: '{base} dage',
    month: '{base} måned',
    months: '{base} måneder',
    year: '{base} år',
    years: '{base} år',
    centuries: 'århundreder',
  },
};

const requireOnFirstCheck = createRequire(import.meta.url);

/**
 * Loading the dictionaries takes a tenth of a second and some 30 MB, so only processes that check a password pay
 * it: they are required at the first check, not imported, and the worker, which checks none, never loads them.
 */
let estimator: ZxcvbnFactory | undefined;
function strengthEstimator(): ZxcvbnFactory {
  if (estimator) return estimator;
  const { ZxcvbnFactory: Factory } = requireOnFirstCheck('@zxcvbn-ts/core') as typeof ZxcvbnCore;
  const common = requireOnFirstCheck('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon;
  const english = requireOnFirstCheck('@zxcvbn-ts/language-en') as typeof ZxcvbnEnglish;
  const options: OptionsType = {
    dictionary: { ...common.dictionary, ...english.dictionary, danish: DANISH_GUESSES },
    graphs: common.adjacencyGraphs,
    translations: DANISH,
  };
  return (estimator = new Factory(options));
}

/** What a password says about its holder: the e-mail, its parts, and the words of the name. */
function personalWords(personal: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of personal) {
    if (!text) continue;
    const lower = text.toLowerCase();
    words.add(lower);
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/**
 * Why the password is refused (in Danish, for the person choosing it), or null when it is long enough and not among
 * the guesses a cracker tries first: common passwords, words, names, keyboard patterns, dates, and the person's own
 * name and e-mail (`personal`).
 */
export function passwordWeakness(password: string, personal: readonly (string | null | undefined)[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Adgangskoden skal have mindst ${MIN_PASSWORD_LENGTH} tegn.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Adgangskoden må højst have ${MAX_PASSWORD_LENGTH} tegn.`;
  // zxcvbn's matching grows with the length; the first 100 characters decide whether a password is guessable.
  const checked = password.slice(0, 100);
  const result = strengthEstimator().check(checked, personalWords(personal));
  // A name with a digit scores as two rare words to zxcvbn, but it is the first thing one who knows the person tries.
  const personalCharacters = result.sequence.filter((match) => match.pattern === 'dictionary' && match.dictionaryName === 'userInputs').reduce((sum, match) => sum + match.token.length, 0);
  if (personalCharacters * 2 >= checked.length) return `Adgangskoden er for let at gætte. ${DANISH.warnings.userInputs}`;
  if (result.score >= MIN_SCORE) return null;
  const { warning, suggestions } = result.feedback;
  return ['Adgangskoden er for let at gætte.', warning, ...suggestions].filter(Boolean).join(' ');
}

/** 400 `password_too_weak` with the reason, unless the password passes passwordWeakness. */
export function assertStrongPassword(password: string, personal: readonly (string | null | undefined)[] = []): void {
  const weakness = passwordWeakness(password, personal);
  if (weakness) throw new DomainError('invalid', 'password_too_weak', weakness);
}
