import type { components } from './schema';

export type Person = components['schemas']['PersonResponseDto'];
export type GlobalRole = Person['roles'][number];

export const GLOBAL_ROLES: Record<GlobalRole, string> = { director: 'Direktør', admin: 'Administrator' };

/** Where a refusal of a person's details is shown, by the API's field names and codes; the ids share a prefix. */
export function personPlaces(prefix: string, fallback: string) {
  return {
    byApiField: { name: `${prefix}navn`, email: `${prefix}email`, party: `${prefix}parti`, title: `${prefix}titel`, roles: `${prefix}roller`, bodyIds: `${prefix}myndigheder`, password: `${prefix}adgangskode` },
    byCode: {
      email_taken: `${prefix}email`,
      password_too_weak: `${prefix}adgangskode`,
      body_not_found: `${prefix}myndigheder`,
      outside_administered_bodies: `${prefix}myndigheder`,
      last_administrator: `${prefix}roller`,
    },
    fallback,
  };
}
