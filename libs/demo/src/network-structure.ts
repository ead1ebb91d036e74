import { NetworkClock } from './network-clock.js';
import { buildOrganizations, OrganizationDraft } from './network-organizations.js';
import { COUNTRIES, CountryProfile } from './network-names.js';
import { TITLES } from './network-vocabulary.js';
import {
  addHeavyTailedConnections,
  defaultShape,
  degreePicker,
  ORGANIZATION_ZIPF,
  targetDegree,
  zipfWeights,
} from './network-heavy-tail.js';
import {
  GeneratedConnection,
  GeneratedEmployment,
  GeneratedPerson,
  NetworkOptions,
  NetworkShape,
} from './network-types.js';
import { SeededRandom, WeightedPicker } from './seeded-random.js';

export const MAX_GENERATED_PEOPLE = 1_000_000;

/** About one organization per 3.75 people (80 for 300), at least 2, at most 50,000. */
export function defaultOrganizationCount(people: number): number {
  return Math.min(50_000, Math.max(2, Math.round(people / 3.75)));
}

/** The id prefix of everything generated with this seed, e.g. 'demo-s7-'. */
export function generatedIdPrefix(seed: number): string {
  return `demo-s${seed}-`;
}

/** The key of an unordered pair of person indexes. */
export function pairKey(a: number, b: number): number {
  // Exact: indexes stay below 2^20 (MAX_GENERATED_PEOPLE), so the key stays below 2^40.
  return Math.min(a, b) * 1_048_576 + Math.max(a, b);
}

/** Person, organization and membership facts that the activity (trades and so on) builds on. */
export interface NetworkStructure {
  clock: NetworkClock;
  seed: number;
  shape: NetworkShape;
  id: (kind: string, index: number) => string;
  categoryRoot: Map<string, string>;
  categoryName: Map<string, string>;
  people: GeneratedPerson[];
  organizations: OrganizationDraft[];
  /** Per person: index of the current organization, or -1. */
  currentOrg: number[];
  /** Per person: index of the organization of the ended employment, or -1. */
  formerOrg: number[];
  /** Per organization: indexes of its current members, admins first. */
  members: number[][];
  /** Per person: indexes of the people connected to them. */
  neighbours: number[][];
  /** When each pair connected (epoch ms), by pairKey. */
  connectedSince: Map<number, number>;
  /** Per person: when they joined (epoch ms). */
  joinedAt: number[];
  employments: GeneratedEmployment[];
  connections: GeneratedConnection[];
}

/** Validates the options and generates the people, organizations, employments and connections. */
export function generateStructure(options: NetworkOptions): NetworkStructure {
  const { seed, people: peopleCount, taxonomy } = options;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError('seed must be an integer from 0 to 4294967295.');
  }
  if (!Number.isInteger(peopleCount) || peopleCount < 2 || peopleCount > MAX_GENERATED_PEOPLE) {
    throw new RangeError(`people must be an integer from 2 to ${MAX_GENERATED_PEOPLE}.`);
  }
  const organizationCount = options.organizations ?? defaultOrganizationCount(peopleCount);
  if (!Number.isInteger(organizationCount) || organizationCount < 2 || organizationCount > peopleCount) {
    throw new RangeError('organizations must be an integer from 2 to the number of people.');
  }
  if (!taxonomy.some((root) => root.children.length > 0)) {
    throw new RangeError('The taxonomy has no child categories to supply.');
  }
  const clock = new NetworkClock(options.today);
  const prefix = generatedIdPrefix(seed);
  const id = (kind: string, index: number) => `${prefix}${kind}-${String(index + 1).padStart(6, '0')}`;
  const categoryRoot = new Map<string, string>();
  const categoryName = new Map<string, string>();
  for (const root of taxonomy) {
    categoryName.set(root.id, root.name);
    for (const child of root.children) {
      categoryRoot.set(child.id, root.id);
      categoryName.set(child.id, child.name);
    }
  }
  const shape = options.shape ?? defaultShape(peopleCount);
  const organizations = buildOrganizations(new SeededRandom(seed, 'organizations'), organizationCount, {
    clock,
    taxonomy,
    id,
  });
  if (shape === 'heavy-tailed') {
    // Organization sizes from 1 (the founder alone) to thousands: Zipf weights in a seeded order.
    const weights = zipfWeights(new SeededRandom(seed, 'organization-sizes'), organizations.length, ORGANIZATION_ZIPF);
    organizations.forEach((draft, index) => (draft.sizeWeight = weights[index]));
  }
  const structure: NetworkStructure = {
    clock,
    seed,
    shape,
    id,
    categoryRoot,
    categoryName,
    people: [],
    organizations,
    currentOrg: [],
    formerOrg: [],
    members: organizations.map(() => []),
    neighbours: [],
    connectedSince: new Map(),
    joinedAt: [],
    employments: [],
    connections: [],
  };
  addPeople(structure, peopleCount);
  if (shape === 'heavy-tailed') addHeavyTailed(structure);
  else addConnections(structure);
  return structure;
}

/** People with their employments: the first person of each organization is its admin. */
function addPeople(s: NetworkStructure, count: number): void {
  const random = new SeededRandom(s.seed, 'people');
  const { clock, organizations } = s;
  const bySize = new WeightedPicker(organizations.map((draft) => draft.sizeWeight));
  const otherOrg = (except: number): number => {
    for (;;) {
      const candidate = bySize.pick(random);
      if (candidate !== except) return candidate;
    }
  };
  const names = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const founder = index < organizations.length;
    const current = founder ? index : random.chance(0.94) ? bySize.pick(random) : -1;
    const former = current === -1 || random.chance(0.25) ? otherOrg(current) : -1;
    const home = organizations[current === -1 ? former : current];
    const profile = random.chance(0.8)
      ? (COUNTRIES.find((country) => country.code === home.organization.country) ?? COUNTRIES[0])
      : random.weighted(COUNTRIES, (country) => country.weight);
    const personId = s.id('p', index);
    const createdDay = founder ? home.createdDay - random.int(1, 3) : clock.daysAgo(random.int(20, 1800));
    const createdAt = clock.at(createdDay, random);
    const job = jobFor(random, home, founder && current !== -1);
    const isAdmin = current !== -1 && (founder || random.chance(0.06));

    let currentStart = clock.today;
    if (current !== -1) {
      currentStart = founder
        ? home.createdDay - random.int(0, 3000)
        : clock.daysAgo(60 + Math.floor(Math.pow(random.next(), 1.3) * 4000));
      // A founder's employment is created with the organization; others join after both exist.
      const joined = founder
        ? Date.parse(home.organization.createdAt)
        : Math.max(createdAt, clock.at(Math.max(createdDay, home.createdDay) + random.int(0, 3), random));
      s.employments.push({
        id: s.id('w', s.employments.length),
        personId,
        organizationId: home.organization.id,
        title: job.title,
        status: 'APPROVED',
        isAdmin,
        startedOn: clock.date(currentStart),
        endedOn: null,
        approvedAt: clock.iso(founder ? joined : clock.after(joined, 72, random)),
        createdAt: clock.iso(joined),
      });
      if (isAdmin) s.members[current].unshift(index);
      else s.members[current].push(index);
    }
    if (former !== -1) {
      const endedOn = (current === -1 ? clock.daysAgo(random.int(30, 600)) : currentStart) - random.int(1, 90);
      const formerJob = jobFor(random, organizations[former], false);
      const added = Math.max(createdAt, clock.at(createdDay + random.int(0, 10), random));
      s.employments.push({
        id: s.id('w', s.employments.length),
        personId,
        organizationId: organizations[former].organization.id,
        title: formerJob.title,
        status: 'ENDED',
        isAdmin: false,
        startedOn: clock.date(endedOn - random.int(200, 2500)),
        endedOn: clock.date(endedOn),
        approvedAt: clock.iso(clock.after(added, 72, random)),
        createdAt: clock.iso(added),
      });
    }
    const headline =
      current === -1
        ? `${random.pick(['Independent consultant', 'Interim manager', 'Open to new roles'])}, ${job.area}`
        : founder
          ? `${job.title} at ${home.organization.name}`
          : `${sentenceCase(job.title)}, ${job.area}`;
    s.people.push({
      id: personId,
      name: personName(random, profile, names),
      headline,
      country: profile.code,
      createdAt: clock.iso(createdAt),
    });
    s.joinedAt.push(createdAt);
    s.currentOrg.push(current);
    s.formerOrg.push(former);
  }
}

/** A name of the country, drawn again a few times while it is taken (large networks must repeat some). */
function personName(random: SeededRandom, profile: CountryProfile, taken: Set<string>): string {
  let name = '';
  for (let tries = 0; tries < 6 && (name === '' || taken.has(name)); tries += 1) {
    name = `${random.pick(profile.givenNames)} ${random.pick(profile.familyNames)}`;
  }
  taken.add(name);
  return name;
}

/** A title fitting the organization's side of trade, and the area it works in (for the headline). */
function jobFor(random: SeededRandom, home: OrganizationDraft, admin: boolean): { title: string; area: string } {
  const { roles } = home.organization;
  const selling = roles.includes('SUPPLIER') && (!roles.includes('BUYER') || random.chance(0.5));
  const pool = admin ? TITLES.admin : random.chance(0.2) ? TITLES.either : selling ? TITLES.selling : TITLES.buying;
  const area = selling ? home.primaryArea : home.focusArea;
  return { title: random.pick(pool), area };
}

function sentenceCase(title: string): string {
  return title.charAt(0) + title.slice(1).toLowerCase();
}

/** Per person the root category of their industry, people by root, and former members per organization. */
function groups(s: NetworkStructure) {
  const rootOf = (person: number): string => {
    const org = s.currentOrg[person] !== -1 ? s.currentOrg[person] : s.formerOrg[person];
    return s.organizations[org].focusRootId;
  };
  const byRoot = new Map<string, number[]>();
  const formerMembers: number[][] = s.organizations.map(() => []);
  for (let person = 0; person < s.people.length; person += 1) {
    const root = rootOf(person);
    const group = byRoot.get(root);
    if (group) group.push(person);
    else byRoot.set(root, [person]);
    if (s.formerOrg[person] !== -1) formerMembers[s.formerOrg[person]].push(person);
  }
  return { rootOf, byRoot, formerMembers };
}

/** Connects two people once (false when they are the same or already connected), at a time after both joined. */
function connector(s: NetworkStructure, random: SeededRandom): (a: number, b: number) => boolean {
  return (a, b) => {
    if (a === b) return false;
    const key = pairKey(a, b);
    if (s.connectedSince.has(key)) return false;
    // Both people were on the platform before they connected.
    const earliest = Math.max(s.joinedAt[a], s.joinedAt[b]);
    const day = random.int(Math.min(s.clock.dayOf(earliest), s.clock.today - 1), s.clock.today - 1);
    const since = Math.max(earliest, s.clock.at(day, random));
    s.connectedSince.set(key, since);
    s.connections.push({ fromId: s.people[a].id, toId: s.people[b].id, since: s.clock.iso(since) });
    s.neighbours[a].push(b);
    s.neighbours[b].push(a);
    return true;
  };
}

/**
 * Clustered connections: colleagues (current and former), peers in the same industry (often the
 * same country), and a few random acquaintances; about ten per person on average. One per pair.
 */
function addConnections(s: NetworkStructure): void {
  const random = new SeededRandom(s.seed, 'connections');
  const count = s.people.length;
  s.neighbours = s.people.map(() => []);
  const { rootOf, byRoot, formerMembers } = groups(s);
  const connect = connector(s, random);
  for (let person = 0; person < count; person += 1) {
    const org = s.currentOrg[person];
    if (org !== -1) for (const colleague of random.sample(s.members[org], random.int(1, 5))) connect(person, colleague);
    const former = s.formerOrg[person];
    if (former !== -1 && random.chance(0.7)) {
      connect(person, random.pick([...s.members[former], ...formerMembers[former]]));
    }
    const peers = byRoot.get(rootOf(person)) ?? [];
    for (let peer = random.int(2, 4); peer > 0; peer -= 1) {
      let candidate = random.pick(peers);
      // Peers of the same country meet more often (trade fairs, associations).
      for (let tries = 0; tries < 4 && s.people[candidate].country !== s.people[person].country; tries += 1) {
        if (random.chance(0.5)) break;
        candidate = random.pick(peers);
      }
      connect(person, candidate);
    }
    for (let acquaintance = random.int(1, 2); acquaintance > 0; acquaintance -= 1) {
      connect(person, random.int(0, count - 1));
    }
  }
}

/** Heavy-tailed connections (network-heavy-tail.ts): Pareto target degrees, clustered by organization and industry. */
function addHeavyTailed(s: NetworkStructure): void {
  const random = new SeededRandom(s.seed, 'connections');
  const count = s.people.length;
  s.neighbours = s.people.map(() => []);
  const { rootOf, byRoot, formerMembers } = groups(s);
  const targets = s.people.map(() => targetDegree(random, count));
  const everyone = Array.from({ length: count }, (_, index) => index);
  const anyone = degreePicker(everyone, targets);
  const peerPickers = new Map([...byRoot].map(([root, people]) => [root, degreePicker(people, targets)]));
  const none: number[] = [];
  addHeavyTailedConnections(
    random,
    targets,
    {
      colleagues: (person) => (s.currentOrg[person] === -1 ? none : s.members[s.currentOrg[person]]),
      formerColleagues: (person) => (s.formerOrg[person] === -1 ? none : formerMembers[s.formerOrg[person]]),
      peer: (person) => (peerPickers.get(rootOf(person)) as (r: SeededRandom) => number)(random),
      anyone: () => anyone(random),
    },
    connector(s, random),
  );
}
