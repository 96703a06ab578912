import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';
import { DEFAULT_REMINDER_OFFSETS, passwordWeakness, type ReminderOffsets } from '@app/domain';
import { IsProxyList } from './is-proxy-list.validator.js';
import { IsUrlWithProtocol } from './is-url-with-protocol.validator.js';
import { WebPages } from './web-pages.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
/** An environment variable of digits as a number; anything else is left for @IsInt to refuse, naming the variable. */
const digitsAsNumber = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

/** A whole-number setting from `min` (up to `max`). */
function IntegerSetting(min: number, max?: number): PropertyDecorator {
  const decorators = [Transform(digitsAsNumber), IsInt(), Min(min), ...(max === undefined ? [] : [Max(max)])];
  return (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };
}

const DURATION = /^(\d+)(ms|s|m|h|d)$/;
const MS_PER_UNIT: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration setting as written (`500ms`, `90s`, `15m`, `72h`, `3d`) in milliseconds. */
export function durationMs(text: string): number {
  const [, amount, unit] = DURATION.exec(text) ?? [];
  if (!unit) throw new ConfigError(`Not a duration: ${text}`);
  return Number(amount) * MS_PER_UNIT[unit];
}

/** A duration: a whole number and a unit, ms, s, m, h or d. */
function DurationSetting(): PropertyDecorator {
  return Matches(DURATION, { message: ({ property }) => `${property} must be a duration such as 90s, 15m, 72h or 3d` });
}

/** The public development values of the secrets: accepted only in development, on loopback. */
export const DEVELOPMENT_JWT_SECRET = 'local-development-secret-change-me';
export const DEVELOPMENT_ADMIN_PASSWORD = 'admin-password';
/** The shortest JWT_SECRET accepted outside development, in bytes (HS256's key size). */
export const PRODUCTION_JWT_SECRET_MIN_BYTES = 32;

/** Every setting the processes read, validated once at boot. */
export class AppConfig {
  @IsUrlWithProtocol(['postgres', 'postgresql'])
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/committee_work';

  @IsUrlWithProtocol(['redis', 'rediss'])
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key, so several installations (or test runs) can share one Redis. */
  @IsString()
  @MinLength(1)
  REDIS_PREFIX = 'committee-work';

  @Transform(trimmed)
  @IsOptional()
  @IsUrlWithProtocol(['smtp', 'smtps'])
  SMTP_URL?: string;

  /** SMTP connections each worker keeps open and reuses; 1 sends one message at a time. */
  @IntegerSetting(1, 100)
  SMTP_POOL_CONNECTIONS = 5;

  /**
   * Of SMTP_POOL_CONNECTIONS, how many are kept for urgent e-mail (password links, welcome, notices, reminders):
   * bulk e-mail (an agenda round, minutes links) uses at most the rest, urgent e-mail any that is free. Fewer than
   * SMTP_POOL_CONNECTIONS, so bulk e-mail always has one; 0 keeps none back.
   */
  @IntegerSetting(0, 99)
  SMTP_URGENT_CONNECTIONS = 1;

  /**
   * The longest an e-mail waits for a free SMTP connection before its attempt fails and is retried later. Its claim is
   * renewed meanwhile, so this only keeps a backlog from waiting without limit behind a stuck server.
   */
  @IntegerSetting(10)
  SMTP_CONNECTION_WAIT_MS = 15_000;

  /** Messages sent over one SMTP connection before it is replaced; many relays cap this per connection. */
  @IntegerSetting(1)
  SMTP_MESSAGES_PER_CONNECTION = 100;

  @IsString()
  MAIL_OUTBOX_DIR = 'var/outbox';

  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Udvalgssekretariatet <udvalg@localhost>';

  /** Where people reach the API, for links in e-mails; `http://localhost:<PORT>` when unset. */
  @IsUrlWithProtocol(['http', 'https'])
  PUBLIC_BASE_URL: string;

  @IntegerSetting(0, 65535)
  PORT = 3000;

  /**
   * The reverse proxies whose `X-Forwarded-For` is believed (addresses or CIDR networks, comma-separated). Empty (the
   * default): the header is ignored and the client is the connection's address, so nobody can choose their own.
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((entry) => entry.trim()).filter(Boolean) : value))
  @IsProxyList()
  TRUSTED_PROXIES: string[] = [];

  /**
   * `true` when people reach the API over HTTPS only (TLS ended here or at a trusted proxy): then every answer says
   * Strict-Transport-Security and the pages' policy upgrades insecure requests. `false` (the default) sends neither,
   * so the API stays usable over plain HTTP on a local network.
   */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'SERVED_OVER_TLS must be true or false' })
  SERVED_OVER_TLS = false;

  // --- Secrets outside development (see productionSecretProblems below) ---
  /** The address the API listens on: loopback unless told otherwise; any other address counts as production. */
  @IsString()
  @MinLength(1)
  HOST = '127.0.0.1';

  /** `production` requires real secrets, as does a non-loopback HOST. */
  @IsString()
  NODE_ENV = 'development';

  @IsEmail()
  ADMIN_EMAIL = 'admin@example.dk';

  @IsString()
  @MinLength(8)
  ADMIN_PASSWORD = DEVELOPMENT_ADMIN_PASSWORD;

  /** Signs access tokens. The default is for a local machine only; outside development it must be set, 32 bytes or more. */
  @IsString()
  @MinLength(16)
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;
  // --- end of secrets ---

  @IsString()
  JWT_EXPIRES_IN = '8h';

  @IsString()
  STORAGE_DIR = 'var/storage';

  /**
   * Whole years after its day that a meeting's agenda, minutes and Bilag leave the public portal, the committees'
   * public calendar feeds and OParl (answered there as depublished, `deleted: true`); they are kept, and members
   * still read them. Unset (the default): public for good.
   */
  @Transform(({ value }: { value: unknown }) => digitsAsNumber({ value: trimmed({ value }) }))
  @IsOptional()
  @IsInt({ message: 'PUBLIC_RETENTION_YEARS must be a whole number of years' })
  @Min(1, { message: 'PUBLIC_RETENTION_YEARS must be at least 1 (leave it unset to keep meetings public for good)' })
  PUBLIC_RETENTION_YEARS?: number;

  /** The largest Bilag (attachment) accepted, in bytes; larger uploads are refused with 413. */
  @IntegerSetting(1)
  ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Login attempts allowed per e-mail and client address within a minute before 429. */
  @IntegerSetting(1)
  LOGIN_ATTEMPTS_PER_MINUTE = 5;

  /** How long an e-mailed link to reset a password works, in seconds: at most an hour. */
  @IntegerSetting(1, 3600)
  PASSWORD_RESET_LINK_VALID_SECONDS = 3600;

  /** How long the welcome e-mail's link to choose a password works, in hours (a week by default, at most 30 days). */
  @IntegerSetting(1, 720)
  WELCOME_LINK_VALID_HOURS = 168;

  /**
   * The municipality's OpenID Connect identity provider (e.g. `https://login.microsoftonline.com/<tenant>/v2.0`): set,
   * people may sign in through it (`GET /api/auth/oidc/login`), matched by e-mail. Unset (the default): no single sign-on.
   */
  @Transform(trimmed)
  @IsOptional()
  @IsUrlWithProtocol(['https', 'http'])
  OIDC_ISSUER?: string;

  /** The client id registered with the identity provider; required with OIDC_ISSUER. */
  @ValidateIf((config: AppConfig) => config.OIDC_ISSUER !== undefined)
  @IsString({ message: 'OIDC_CLIENT_ID must be set when OIDC_ISSUER is' })
  @MinLength(1)
  OIDC_CLIENT_ID?: string;

  /** The client secret registered with the identity provider; required with OIDC_ISSUER. */
  @ValidateIf((config: AppConfig) => config.OIDC_ISSUER !== undefined)
  @IsString({ message: 'OIDC_CLIENT_SECRET must be set when OIDC_ISSUER is' })
  @MinLength(1)
  OIDC_CLIENT_SECRET?: string;

  /** Password reset e-mails asked for per e-mail address within an hour (and 10 times that per client address) before 429. */
  @IntegerSetting(1)
  PASSWORD_RESET_REQUESTS_PER_HOUR = 3;

  /** How often the reconciler re-enqueues outbox rows that Redis does not hold. */
  @IntegerSetting(1000)
  OUTBOX_RECONCILE_INTERVAL_MS = 60_000;

  /** How often the relay looks for due outbox rows when no LISTEN notification woke it (and for delayed rows coming due). */
  @IntegerSetting(100)
  OUTBOX_POLL_INTERVAL_MS = 2_000;

  /** How many times a job runs before its outbox row is marked failed. */
  @IntegerSetting(1, 50)
  JOB_ATTEMPTS = 6;

  /** The first retry's delay; each further retry waits twice as long (5 s gives 5, 10, 20, 40, 80 s). */
  @IntegerSetting(1)
  JOB_BACKOFF_MS = 5_000;

  /**
   * How long a worker's hold on a running job lasts unless renewed (every half of it). A job whose worker died is
   * taken back once its hold has lapsed and a stall check (JOB_STALLED_INTERVAL_MS) found it: within about 10 s by
   * default, document jobs in the middle of a PDF layout too (the layout gives the event loop back, so the hold is renewed).
   */
  @IntegerSetting(1_000)
  JOB_LOCK_DURATION_MS = 8_000;

  /** How often each worker looks for running jobs whose worker has died (stalled jobs). */
  @IntegerSetting(500)
  JOB_STALLED_INTERVAL_MS = 2_000;

  /**
   * How many times a job may stall (its worker dying mid-job: a crash, an out-of-memory kill) and still be run
   * again; one more and it fails for good, its outbox row and its record saying why. Two, so a job survives two
   * unrelated deaths of its worker (a deploy, an out-of-memory kill caused by another job) and still completes.
   */
  @IntegerSetting(0, 20)
  JOB_MAX_STALLED_COUNT = 2;

  /**
   * Holds every minutes assembly this long before it renders, so a test can kill a worker in the middle of one.
   * 0 (no wait) everywhere but such tests.
   */
  @IntegerSetting(0, 600_000)
  MINUTES_ASSEMBLY_HOLD_MS = 0;

  /**
   * How long a download of the agenda's PDF waits for the worker to build the PDF of the agenda as it is now
   * (after a change) before it answers 409 agenda_pdf_not_ready.
   */
  @IntegerSetting(0, 120_000)
  AGENDA_PDF_WAIT_MS = 10_000;

  /**
   * How long a claim on an e-mail being sent lasts unless its worker renews it (every DELIVERY_LEASE_RENEWAL_MS, while
   * the worker lives); a dead or stopped worker's claim runs out this long after its last renewal, and another worker
   * takes the e-mail over.
   */
  @IntegerSetting(1_000)
  DELIVERY_LEASE_MS = 10_000;

  /**
   * How often a worker renews the claims of the e-mails it is sending, all in one statement. At most half of
   * DELIVERY_LEASE_MS, so a claim always has half its lease left, and one late renewal does not lose it.
   */
  @IntegerSetting(100)
  DELIVERY_LEASE_RENEWAL_MS = 3_000;

  /**
   * How long a job that fails for a passing reason (the database or Redis unreachable, the SMTP server refusing a
   * connection or answering 4xx) keeps being retried, counted from when it was due; mail servers keep a queue for days.
   */
  @DurationSetting()
  DELIVERY_RETRY_WINDOW = '72h';

  /** The longest wait between two such retries; they begin at JOB_BACKOFF_MS and double. */
  @DurationSetting()
  DELIVERY_RETRY_MAX_DELAY = '15m';

  /** Changes to a published meeting within this window after the first go out as one update e-mail. */
  @IntegerSetting(0)
  AGENDA_UPDATE_COALESCE_MS = 60_000;

  /** The Copenhagen time of day at which reminders go out on their working day. */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'REMINDER_TIME must be a time HH:MM, e.g. 09:00' })
  REMINDER_TIME = '09:00';

  /** Working days before the agenda's notice deadline that the secretary and chair are reminded of an unpublished agenda. */
  @IntegerSetting(0)
  REMINDER_AGENDA_DEADLINE_WORKING_DAYS = DEFAULT_REMINDER_OFFSETS.agendaDeadline;

  /** Working days after submission that the directors are reminded of a kommissorium without an approval deadline. */
  @IntegerSetting(1)
  REMINDER_COMMISSION_APPROVAL_WORKING_DAYS = DEFAULT_REMINDER_OFFSETS.commissionApproval;

  /** Working days before an active phase ends that the secretary and chair are told. */
  @IntegerSetting(0)
  REMINDER_PHASE_ENDING_WORKING_DAYS = DEFAULT_REMINDER_OFFSETS.phaseEnding;

  /** Working days after the meeting that the secretary is reminded of minutes still unsigned. */
  @IntegerSetting(1)
  REMINDER_MINUTES_UNSIGNED_WORKING_DAYS = DEFAULT_REMINDER_OFFSETS.minutesUnsigned;

  /** The web application's pages under PUBLIC_BASE_URL, for links in e-mails and calendar invitations. */
  get webPages(): WebPages {
    return new WebPages(this.PUBLIC_BASE_URL);
  }

  /** The four reminder settings as the reminders' day computations take them. */
  get reminderOffsets(): ReminderOffsets {
    return {
      agendaDeadline: this.REMINDER_AGENDA_DEADLINE_WORKING_DAYS,
      commissionApproval: this.REMINDER_COMMISSION_APPROVAL_WORKING_DAYS,
      phaseEnding: this.REMINDER_PHASE_ENDING_WORKING_DAYS,
      minutesUnsigned: this.REMINDER_MINUTES_UNSIGNED_WORKING_DAYS,
    };
  }
}

export class ConfigError extends Error {}

const KEYS = Object.keys(new AppConfig()).concat(['SMTP_URL', 'PUBLIC_BASE_URL', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'PUBLIC_RETENTION_YEARS']);

/** Reads the environment into a validated AppConfig; throws a ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of KEYS) {
    if (env[key] !== undefined) raw[key] = env[key];
  }
  const config = plainToInstance(AppConfig, { ...new AppConfig(), ...raw });
  config.PUBLIC_BASE_URL ??= `http://localhost:${config.PORT}`;
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: false });
  const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  if (errors.length === 0) lines.push(...settingConflicts(config));
  if (lines.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return config;
}

/** Settings each valid alone that do not go together, one line per setting to change. */
function settingConflicts(config: AppConfig): string[] {
  const conflicts: string[] = [];
  if (config.SMTP_URGENT_CONNECTIONS >= config.SMTP_POOL_CONNECTIONS) {
    conflicts.push(
      `SMTP_URGENT_CONNECTIONS: must be fewer than SMTP_POOL_CONNECTIONS (${config.SMTP_POOL_CONNECTIONS}), so bulk e-mail keeps a connection; 0 keeps none for urgent e-mail`,
    );
  }
  if (config.DELIVERY_LEASE_RENEWAL_MS * 2 > config.DELIVERY_LEASE_MS) {
    conflicts.push(`DELIVERY_LEASE_RENEWAL_MS: must be at most half of DELIVERY_LEASE_MS (${config.DELIVERY_LEASE_MS}), so a claim is renewed well before it runs out`);
  }
  return conflicts;
}

/** Whether the host is a loopback address (the API is then reachable from this machine only). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

/** Development: NODE_ENV is not `production` and the API listens on loopback only. Anything else is production. */
export function isDevelopment(config: AppConfig): boolean {
  return config.NODE_ENV !== 'production' && isLoopbackHost(config.HOST);
}

/**
 * What stops the API from starting outside development, one line per variable: a missing, default or short
 * JWT_SECRET (anyone could forge tokens) and the public default ADMIN_PASSWORD. Empty in development.
 */
export function productionSecretProblems(config: AppConfig): string[] {
  if (isDevelopment(config)) return [];
  const why = `outside development (NODE_ENV=${config.NODE_ENV}, HOST=${config.HOST})`;
  const problems: string[] = [];
  if (config.JWT_SECRET === DEVELOPMENT_JWT_SECRET) problems.push(`JWT_SECRET: must be set ${why}; the development default is public`);
  else if (Buffer.byteLength(config.JWT_SECRET, 'utf8') < PRODUCTION_JWT_SECRET_MIN_BYTES)
    problems.push(`JWT_SECRET: must be at least ${PRODUCTION_JWT_SECRET_MIN_BYTES} bytes ${why}`);
  if (config.ADMIN_PASSWORD === DEVELOPMENT_ADMIN_PASSWORD) problems.push(`ADMIN_PASSWORD: must be set ${why}; the default is public`);
  else {
    const weakness = passwordWeakness(config.ADMIN_PASSWORD, [config.ADMIN_EMAIL, 'Administrator']);
    if (weakness) problems.push(`ADMIN_PASSWORD: too weak ${why}: ${weakness}`);
  }
  return problems;
}

/** Throws a ConfigError naming each secret the API may not start with (see productionSecretProblems). */
export function assertProductionSecrets(config: AppConfig): void {
  const problems = productionSecretProblems(config);
  if (problems.length > 0) throw new ConfigError(`Refusing to start with public secrets:\n  ${problems.join('\n  ')}`);
}
