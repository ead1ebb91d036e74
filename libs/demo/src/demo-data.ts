import { OrganizationRole } from '#tradegraph/organizations';

/** Every demo account shares this password; it is printed on start-up. */
export const DEMO_PASSWORD = 'tradegraph-demo';

export interface DemoAccount {
  key: string;
  email: string;
  name: string;
  headline: string;
  country: string;
}

export interface DemoOrganization {
  name: string;
  country: string;
  roles: OrganizationRole[];
  website: string;
  description: string;
  categoryIds: string[];
  /** The creator (first admin) and the members who request and get approved. */
  admin: { account: string; title: string };
  members: { account: string; title: string; startedOn: string }[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    key: 'ada',
    email: 'ada@demo.tradegraph.example',
    name: 'Ada Lindqvist',
    headline: 'Head of Procurement',
    country: 'US',
  },
  {
    key: 'ben',
    email: 'ben@demo.tradegraph.example',
    name: 'Ben Hartmann',
    headline: 'Sales Director, fasteners',
    country: 'DE',
  },
  {
    key: 'chloe',
    email: 'chloe@demo.tradegraph.example',
    name: 'Chloe Persson',
    headline: 'Key Account Manager, polymers',
    country: 'SE',
  },
  {
    key: 'dev',
    email: 'dev@demo.tradegraph.example',
    name: 'Dev Malhotra',
    headline: 'Founder, sensor assemblies',
    country: 'GB',
  },
  {
    key: 'eva',
    email: 'eva@demo.tradegraph.example',
    name: 'Eva Romero',
    headline: 'Packaging engineer',
    country: 'ES',
  },
  {
    key: 'felix',
    email: 'felix@demo.tradegraph.example',
    name: 'Felix Okafor',
    headline: 'Category buyer, electronics',
    country: 'US',
  },
];

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    name: 'Cascade Machinery Inc.',
    country: 'US',
    roles: [OrganizationRole.BUYER],
    website: 'https://cascade-machinery.example',
    description: 'Builds packaging lines and conveyor systems for food producers.',
    categoryIds: [],
    admin: { account: 'ada', title: 'Head of Procurement' },
    members: [{ account: 'felix', title: 'Category Buyer, Electronics', startedOn: '2021-03-01' }],
  },
  {
    name: 'Nordstahl Components GmbH',
    country: 'DE',
    roles: [OrganizationRole.SUPPLIER],
    website: 'https://nordstahl.example',
    description: 'Cold-formed steel fasteners and precision turned parts for machinery makers.',
    categoryIds: ['metals-fasteners', 'metals-steel'],
    admin: { account: 'ben', title: 'Sales Director' },
    members: [],
  },
  {
    name: 'Baltic Polymers AB',
    country: 'SE',
    roles: [OrganizationRole.SUPPLIER],
    website: 'https://balticpolymers.example',
    description: 'Engineering resins and injection-moulded housings.',
    categoryIds: ['plastics-resins', 'plastics-injection-moulded-parts'],
    admin: { account: 'chloe', title: 'Key Account Manager' },
    members: [],
  },
  {
    name: 'Lumen Sensing Ltd',
    country: 'GB',
    roles: [OrganizationRole.SUPPLIER],
    website: 'https://lumensensing.example',
    description: 'Optical and proximity sensors with matching connectors.',
    categoryIds: ['electronics-sensors', 'electronics-connectors'],
    admin: { account: 'dev', title: 'Founder' },
    members: [],
  },
  {
    name: 'Atlas Envases S.A.',
    country: 'ES',
    roles: [OrganizationRole.BUYER, OrganizationRole.SUPPLIER],
    website: 'https://atlasenvases.example',
    description: 'Corrugated and flexible packaging; buys resins and films.',
    categoryIds: ['packaging-corrugated', 'packaging-flexible'],
    admin: { account: 'eva', title: 'Packaging Engineer' },
    members: [{ account: 'ada', title: 'Advisory Board Member', startedOn: '2023-09-15' }],
  },
];

/**
 * The generated network seeded next to the named accounts (see DemoSeeder): its people are
 * graph-only and cannot log in. `ada` is tied into it with a few connections and referrals so that
 * her network queries have rich answers in these root categories.
 */
export const DEMO_NETWORK = {
  seed: 7,
  people: 300,
  tie: { account: 'ada', connections: 8, referrals: 4, rootIds: ['metals', 'electronic-components'] },
};
