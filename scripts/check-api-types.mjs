import { readFileSync } from 'node:fs';

/**
 * Fails when the web client's checked-in types (apps/web/src/api/schema.d.ts) differ from those generated from the
 * API as it is now, so the pages cannot drift from the API: regenerate with `npm run api:types` and commit.
 */
const [checkedIn, generated] = process.argv.slice(2);
const lines = (file) => readFileSync(file, 'utf8').split('\n');
const want = lines(generated);
const have = lines(checkedIn);
const first = want.findIndex((line, index) => line !== have[index]);
if (first === -1 && want.length === have.length) {
  console.log(`${checkedIn} matches the API's OpenAPI document`);
} else {
  const at = first === -1 ? Math.min(want.length, have.length) : first;
  console.error(`${checkedIn} is out of date with the API (first difference at line ${at + 1}):`);
  console.error(`  checked in: ${have[at] ?? '(end of file)'}`);
  console.error(`  generated:  ${want[at] ?? '(end of file)'}`);
  console.error('Run npm run api:types and commit the result.');
  process.exit(1);
}
