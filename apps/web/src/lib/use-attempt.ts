import { useState } from 'react';
import { type FieldMessages, NO_CONNECTION, refusalOnFields, type RefusalPlaces } from './form-errors';

/**
 * A page's requests and what they leave to show: the refusals by field (for the error summary and each field) and
 * the last success. `attempt` runs one request; a refusal is put where `places` says (a field id alone for one that
 * is about that field or button), a lost connection likewise, and the page keeps everything typed. `succeed` reads
 * the page's data again (`refresh`) before it says what was done, so the page shows the change as the message comes.
 */
export function useAttempt(refresh: () => Promise<unknown>) {
  const [errors, setErrors] = useState<FieldMessages>({});
  const [done, setDone] = useState<string | null>(null);
  const attempt = async (places: RefusalPlaces | string, run: () => Promise<{ error?: unknown; response: Response }>): Promise<boolean> => {
    const at = typeof places === 'string' ? { fallback: places } : places;
    setDone(null);
    try {
      const { error, response } = await run();
      if (response.ok) return true;
      setErrors(refusalOnFields(error, response.status, at));
    } catch {
      setErrors({ [at.fallback]: NO_CONNECTION });
    }
    return false;
  };
  const succeed = async (message: string) => {
    await refresh();
    setErrors({});
    setDone(message);
  };
  return { errors, setErrors, done, setDone, attempt, succeed };
}
