#!/usr/bin/env node
/**
 * Each table has one owner: the library whose entity declares it (`@Entity('name')`). Only that library's
 * persistence code (its *.entity.ts, *.repository.ts and *-persistence.module.ts files) names the table, in SQL
 * or by its entity class in TypeORM calls; every other file reaches the table through the owner's port.
 * Services take repositories and the unit of work, never a DataSource or an EntityManager's table methods.
 * Who may do what is decided in services, never in controllers, so every way into a service is guarded alike.
 * Migrations write the schema of every table and are exempt; so are tests.
 *
 * Usage: node scripts/lint/ownership.mjs   (exit 1 and one line per finding when a rule is broken; part of npm run lint)
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const LIBS = join(ROOT, 'libs');

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name === '__tests__' || name === 'migrations' || name === 'testing') continue;
      yield* sourceFiles(path);
    } else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) yield path;
  }
}

/** `libs/features/meetings/agenda/x.ts` -> `features/meetings`. */
function libraryOf(path) {
  const [layer, name] = relative(LIBS, path).split('/');
  return layer === 'domain' ? 'domain' : `${layer}/${name}`;
}

const isPersistence = (path) => /(\.entity|\.repository|\.module)\.ts$/.test(path);

const files = [...sourceFiles(LIBS)].map((path) => ({ path, library: libraryOf(path), text: readFileSync(path, 'utf8') }));

/** table -> { library, entity class } from the entities. */
const owners = new Map();
for (const file of files) {
  for (const match of file.text.matchAll(/@Entity\('([a-z_]+)'\)[\s\S]*?\bclass\s+(\w+)/g)) {
    owners.set(match[1], { library: file.library, entity: match[2] });
  }
}

/** SQL that names a table: FROM, JOIN, INTO, UPDATE, DELETE FROM, TABLE, REFERENCES, LOCK. */
const sqlNaming = (table) => new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES|LOCK)\\s+(?:ONLY\\s+)?"?${table}"?(?![\\w.(])`);
/** TypeORM calls that take an entity class: repositories, managers, query builders. */
const entityNaming = (entity) =>
  new RegExp(
    `[.@](?:getRepository|withRepository|insert|update|upsert|delete|save|remove|softDelete|find\\w*|exists\\w*|count\\w*|increment|decrement|createQueryBuilder|from|innerJoin\\w*|leftJoin\\w*|InjectRepository|forFeature)\\(\\s*\\[?[^)]*?\\b${entity}\\b`,
  );

const findings = [];
for (const file of files) {
  if (file.library === 'platform/database') continue;
  const where = relative(ROOT, file.path);
  for (const [table, owner] of owners) {
    const names = sqlNaming(table).test(file.text) || entityNaming(owner.entity).test(file.text);
    if (!names) continue;
    if (owner.library !== file.library) findings.push(`${where}: names ${table}, owned by libs/${owner.library}; use its port`);
    else if (!isPersistence(file.path)) findings.push(`${where}: names ${table} outside the persistence code of libs/${owner.library}; move it into a repository`);
  }
  if (!isPersistence(file.path) && /\bDataSource\b/.test(file.text.replace(/^import type .*$/gm, ''))) {
    findings.push(`${where}: takes a DataSource; services take repositories and the unit of work`);
  }
  if (file.path.endsWith('.controller.ts') && /\bAccessService\b/.test(file.text)) {
    findings.push(`${where}: checks access in a controller; authorization happens in the service it calls`);
  }
}

if (findings.length) {
  console.error(findings.sort().join('\n'));
  console.error(`\n${findings.length} ownership findings`);
  process.exit(1);
}
console.log(`ownership: ${owners.size} tables, each named only by its owner's persistence code; no DataSource in services; no access checks in controllers`);
