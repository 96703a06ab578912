/**
 * The V8 settings every worker process starts with: `npm run start:worker`, the Docker Compose worker and the test
 * kit's worker processes (a spec checks the first two name these). Without them a worker under sustained e-mail
 * load held some 300 MB at 10,000 e-mails for some 45 MB of live objects: V8 let the old generation grow to four
 * times what the last full collection left (its factor for a large heap limit) before collecting again, and the
 * young generation grew to 2 x 16 MB. A growing factor of 1.25 collects that garbage before it piles up, and a young
 * generation of 2 x 8 MB halves the other part (README, figure 6). The heap limit stays V8's own, so the largest
 * minutes a worker lays out have all the room they had.
 */
export const WORKER_NODE_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=25'] as const;
