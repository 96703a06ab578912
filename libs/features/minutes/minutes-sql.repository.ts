import { MINUTES_PUBLIC } from '@app/domain';

const PUBLIC_STATES = `'{${[...MINUTES_PUBLIC].join(',')}}'::text[]`;

/** The published minutes for statements of other features that publish them (the open-data reads). */
export const PublishedMinutesSql = {
  /**
   * The public PDF of each published referat, the edition anyone is served (the signed one once sealed):
   * meeting_id, published_at, size, sha256, sha512.
   */
  publicPdfs: (alias: string): string => `(SELECT mi.meeting_id, mi.published_at, f.size, f.sha256, f.sha512
      FROM minutes mi JOIN minutes_file f ON f.minutes_id = mi.id AND f.variant = 'public' AND f.format = 'pdf'
                                         AND f.edition = CASE WHEN mi.sealed_hash IS NULL THEN 'assembled' ELSE 'signed' END
     WHERE mi.state = ANY(${PUBLIC_STATES})) ${alias}`,
};
