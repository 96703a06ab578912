import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as oidc from 'openid-client';
import { AppConfig, isLoopbackHost } from '@app/config';
import { DomainError } from '@app/domain';
import { PersonRepository } from '@app/people';
import { AuthService, type LoginClient } from './auth.service.js';
import type { LoginAnswerDto } from './login.dto.js';

/** The cookie that carries the sign-in's state, nonce and PKCE verifier from the redirect to the callback. */
export const OIDC_STATE_COOKIE = 'oidc_login';
/** How long a sign-in at the identity provider may take. */
export const OIDC_STATE_SECONDS = 600;

interface SignInState {
  purpose: 'oidc-login';
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

/** Only a path of this site: never `//host` or `/\host`, which browsers read as another site. */
export function sameSitePath(next: string | undefined): string {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/';
}

const signInFailed = (message: string) => new DomainError('unauthenticated', 'oidc_sign_in_failed', message);

/**
 * Single sign-on with the municipality's OpenID Connect provider (authorization code flow with PKCE, state and
 * nonce). The provider proves the e-mail; the person with that e-mail and a login here gets an ordinary session.
 */
@Injectable()
export class OidcService {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly people: PersonRepository,
    private readonly auth: AuthService,
  ) {}

  private get redirectUri(): string {
    return `${this.config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/api/auth/oidc/callback`;
  }

  /** Where to send the browser, and the state cookie's value that the callback checks. */
  async start(next: string | undefined): Promise<{ location: string; stateCookie: string }> {
    const configuration = await this.provider();
    const signIn: SignInState = { purpose: 'oidc-login', state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), next: sameSitePath(next) };
    const location = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      state: signIn.state,
      nonce: signIn.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(signIn.verifier),
      code_challenge_method: 'S256',
    });
    return { location: location.href, stateCookie: await this.jwt.signAsync(signIn, { expiresIn: OIDC_STATE_SECONDS }) };
  }

  /** The provider's answer: a session for the person it names by e-mail, and where the browser was going. */
  async finish(callbackPath: string, stateCookie: string | undefined, client: LoginClient): Promise<{ session: LoginAnswerDto; next: string }> {
    const configuration = await this.provider();
    const signIn = await this.jwt.verifyAsync<SignInState>(stateCookie ?? '').catch(() => null);
    if (signIn?.purpose !== 'oidc-login') throw signInFailed('The sign-in has expired or was started in another browser; start again');
    let email: unknown;
    let verified: unknown;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, new URL(callbackPath, this.redirectUri), {
        pkceCodeVerifier: signIn.verifier,
        expectedState: signIn.state,
        expectedNonce: signIn.nonce,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      // Providers may keep the e-mail out of the ID token and answer it from the userinfo endpoint (OIDC Core 5.4).
      const claims: Record<string, unknown> = idToken.email === undefined ? await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub) : idToken;
      email = claims.email;
      verified = claims.email_verified;
    } catch (error) {
      throw signInFailed(`The identity provider's answer was refused: ${(error as Error).message}`);
    }
    if (typeof email !== 'string' || verified === false) throw signInFailed('The identity provider named no verified e-mail address');
    const person = await this.people.findByEmailWithLogin(email.trim().toLowerCase());
    if (!person?.passwordHash) throw signInFailed('Nobody with a login here has the e-mail address the identity provider named');
    return { session: await this.auth.openSession(person, client), next: signIn.next };
  }

  /** Whether single sign-on is set up here. */
  get configured(): boolean {
    return this.settings() !== null;
  }

  private settings(): { issuer: string; clientId: string; secret: string } | null {
    const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: secret } = this.config;
    return issuer && clientId && secret ? { issuer, clientId, secret } : null;
  }

  /** Discovered once per process, on the first sign-in, so the API starts even while the provider is down. */
  private provider(): Promise<oidc.Configuration> {
    const settings = this.settings();
    if (!settings) throw new DomainError('not-found', 'oidc_not_configured', 'Single sign-on is not set up here (OIDC_ISSUER)');
    const { issuer, clientId, secret } = settings;
    const url = new URL(issuer);
    // Plain HTTP only for a provider on this machine (tests, development); a real one is reached over TLS.
    const insecure = url.protocol === 'http:' && isLoopbackHost(url.hostname);
    this.configuration ??= oidc.discovery(url, clientId, secret, undefined, insecure ? { execute: [oidc.allowInsecureRequests] } : undefined).catch((error: unknown) => {
      this.configuration = undefined;
      throw signInFailed(`The identity provider could not be reached: ${(error as Error).message}`);
    });
    return this.configuration;
  }
}
