import { NetworkClock } from './network-clock.js';
import { COUNTRIES, CountryProfile, GENERIC_STEMS } from './network-names.js';
import {
  AUDIENCES,
  BUYER_KINDS,
  CATEGORY_NOUNS,
  categoryPhrase,
  listPhrase,
  ROOT_WEIGHTS,
  SERVICE_ROOTS,
} from './network-vocabulary.js';
import { GeneratedOrganization, GeneratedRole, TaxonomyRootInput } from './network-types.js';
import { SeededRandom } from './seeded-random.js';

/** A generated organization with the traits the rest of the generator draws on. */
export interface OrganizationDraft {
  organization: GeneratedOrganization;
  /** The root category it mostly supplies, or mostly buys when it only buys. */
  focusRootId: string;
  /** Lower-case name of the focus root ("metals"), for headlines. */
  focusArea: string;
  /** Lower-case name of its main supplied category, or the focus area. */
  primaryArea: string;
  /** How many people it tends to employ, relative to the others. */
  sizeWeight: number;
  /** From -0.6 to 1: how well it tends to deliver, which tilts its feedback and endorsements. */
  quality: number;
  createdDay: number;
}

const SUPPLIED_COUNT_WEIGHTS = [25, 35, 25, 15]; // 1, 2, 3 or 4 categories

/**
 * Organizations in several countries with unique names like "Nordhafen Castings GmbH". The first
 * is a buyer and the second a supplier, so every network can have a trade.
 */
export function buildOrganizations(
  random: SeededRandom,
  count: number,
  context: { clock: NetworkClock; taxonomy: readonly TaxonomyRootInput[]; id: (kind: string, index: number) => string },
): OrganizationDraft[] {
  const { clock } = context;
  const roots = context.taxonomy.filter((root) => root.children.length > 0);
  const pickRoot = () => random.weighted(roots, (root) => ROOT_WEIGHTS[root.id] ?? 1);
  const names = new Set<string>();
  const drafts: OrganizationDraft[] = [];
  for (let index = 0; index < count; index += 1) {
    const country = random.weighted(COUNTRIES, (profile) => profile.weight);
    const roll = random.next();
    const roles: GeneratedRole[] =
      index === 0 || (index > 1 && roll < 0.3)
        ? ['BUYER']
        : index === 1 || roll < 0.65
          ? ['SUPPLIER']
          : ['BUYER', 'SUPPLIER'];
    const focus = pickRoot();
    const categoryIds: string[] = [];
    if (roles.includes('SUPPLIER')) {
      const wanted = 1 + random.weightedIndex(SUPPLIED_COUNT_WEIGHTS);
      for (let tries = 0; categoryIds.length < wanted && tries < 20; tries += 1) {
        const root = categoryIds.length === 0 || random.chance(0.85) ? focus : pickRoot();
        const child = random.pick(root.children).id;
        if (!categoryIds.includes(child)) categoryIds.push(child);
      }
    }
    const primary = focus.children.find((child) => child.id === categoryIds[0]);
    const buyerKind = random.pick(BUYER_KINDS);
    const noun = primary ? nounFor(random, primary, focus) : buyerKind.noun;
    const name = uniqueName(random, names, country, noun);
    const createdDay = clock.daysAgo(random.int(60, 1800));
    const categoryNames = categoryIds.map(
      (id) => roots.flatMap((root) => root.children).find((child) => child.id === id)?.name ?? id,
    );
    const otherRoot = pickRoot();
    const buys = listPhrase([...new Set([focus.name, otherRoot.name])].map(categoryPhrase));
    const description = primary
      ? supplierDescription(
          random,
          categoryNames.map(categoryPhrase),
          SERVICE_ROOTS.includes(focus.id),
          clock.year(clock.today),
        ) + (roles.includes('BUYER') ? ` Also buys ${buys} for its own production.` : '')
      : `${buyerKind.makes}; buys ${buys}.`;
    drafts.push({
      organization: {
        id: context.id('o', index),
        name,
        country: country.code,
        roles,
        website: `https://www.${slug(name)}.example`,
        description,
        categoryIds,
        createdAt: clock.iso(clock.at(createdDay, random)),
      },
      focusRootId: focus.id,
      focusArea: categoryPhrase(focus.name),
      primaryArea: categoryPhrase(primary ? primary.name : focus.name),
      sizeWeight: 0.3 + Math.pow(random.next(), 3) * 12,
      quality: random.next() * 1.6 - 0.6,
      createdDay,
    });
  }
  return drafts;
}

function nounFor(random: SeededRandom, category: { id: string; name: string }, root: TaxonomyRootInput): string {
  const nouns = CATEGORY_NOUNS[category.id] ?? CATEGORY_NOUNS[root.id] ?? [category.name.split(/[ ,]/)[0]];
  return random.pick(nouns);
}

/** "<stem> <noun> <legal suffix>", retried with other stems until it is not taken. */
function uniqueName(random: SeededRandom, taken: Set<string>, country: CountryProfile, noun: string): string {
  for (let attempt = 0; ; attempt += 1) {
    const stem = random.chance(0.8) ? random.pick(country.stems) : random.pick(GENERIC_STEMS);
    const extra = attempt >= 8 ? ` ${random.pick(GENERIC_STEMS)}` : '';
    const number = attempt >= 16 ? ` ${attempt}` : '';
    const name = `${stem}${extra} ${noun}${number} ${random.pick(country.legalSuffixes)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function supplierDescription(random: SeededRandom, categories: string[], services: boolean, thisYear: number): string {
  const list = listPhrase(categories);
  const audience = random.pick(AUDIENCES);
  const capitalized = `${list.charAt(0).toUpperCase()}${list.slice(1)}`;
  if (services) {
    return random.chance(0.5)
      ? `Provides ${list} for ${audience}.`
      : `${capitalized} for ${audience}, from ${random.int(2, 14)} sites.`;
  }
  switch (random.int(0, 2)) {
    case 0:
      return `Supplies ${list} to ${audience}.`;
    case 1:
      return `Family-owned maker of ${list}, serving ${audience} since ${thisYear - random.int(8, 90)}.`;
    default:
      return `${capitalized} on short lead times for ${audience}.`;
  }
}

/** An ASCII host name part: "Elbtal Stahl GmbH & Co. KG" → "elbtal-stahl-gmbh-co-kg". */
function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
