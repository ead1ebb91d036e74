/**
 * The words of the demo network that are not names: how often each industry occurs, the nouns
 * organization names take from what they supply, what buyers build, job titles, and the texts of
 * feedback, endorsements, referrals and rejections. Unknown category ids fall back to their names.
 */

/** Roots whose suppliers provide services rather than make things. */
export const SERVICE_ROOTS = ['logistics-services', 'industrial-services'];

/** A category name inside a sentence: "Workwear and PPE garments" → "workwear and PPE garments". */
export function categoryPhrase(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** "a", "a and b", "a, b and c"; with "as well as" when a part already holds an "and". */
export function listPhrase(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  const last = parts[parts.length - 1];
  const joiner = parts.some((part) => part.includes(' and ')) ? ', as well as ' : ' and ';
  return `${parts.slice(0, -1).join(', ')}${joiner}${last}`;
}

/** Relative weight of each root category: metals and electronics are the busiest markets. */
export const ROOT_WEIGHTS: Record<string, number> = {
  metals: 3,
  'electronic-components': 3,
  'plastics-rubber': 2,
  machinery: 2,
  packaging: 2,
  chemicals: 1.5,
  'electrical-equipment': 1.5,
  textiles: 1,
  'logistics-services': 1,
  'industrial-services': 1,
};

/** The word a supplier's name takes from its main category ("Nordhafen Castings GmbH"). */
export const CATEGORY_NOUNS: Record<string, string[]> = {
  chemicals: ['Chemicals', 'Chemical Works'],
  'chemicals-industrial-gases': ['Gases'],
  'chemicals-adhesives-sealants': ['Adhesives', 'Bonding'],
  'chemicals-pigments-dyes': ['Colours', 'Pigments'],
  metals: ['Metals', 'Metalworks'],
  'metals-steel': ['Steel', 'Steelworks'],
  'metals-aluminium': ['Aluminium', 'Alloys'],
  'metals-copper-alloys': ['Copper', 'Brass'],
  'metals-castings': ['Castings', 'Foundry'],
  'metals-forgings': ['Forge', 'Forgings'],
  'metals-fasteners': ['Fasteners', 'Bolts'],
  'plastics-rubber': ['Polymers', 'Plastics'],
  'plastics-rubber-compounds': ['Rubber'],
  'plastics-seals-gaskets': ['Seals', 'Sealing'],
  'electronic-components': ['Electronics', 'Components'],
  'electronics-semiconductors': ['Semiconductor', 'Microsystems'],
  'electronics-pcb-assembly': ['Circuits', 'PCB'],
  'electronics-sensors': ['Sensing', 'Sensors'],
  'electronics-connectors': ['Connectors', 'Interconnect'],
  'electronics-power-supplies': ['Power', 'Power Systems'],
  machinery: ['Machinery', 'Engineering'],
  'machinery-machine-tools': ['Machine Tools'],
  'machinery-industrial-robots': ['Robotics', 'Automation'],
  'machinery-bearings-transmission': ['Bearings', 'Drives'],
  'machinery-hydraulics-pneumatics': ['Hydraulics', 'Fluid Power'],
  packaging: ['Packaging', 'Pack'],
  'packaging-corrugated': ['Cartons', 'Corrugated'],
  'packaging-labels': ['Labels'],
  textiles: ['Textiles', 'Fabrics'],
  'logistics-services': ['Logistics', 'Freight'],
  'logistics-warehousing': ['Warehousing', 'Distribution'],
  'electrical-equipment': ['Electric', 'Electrical'],
  'electrical-cables-wires': ['Cables', 'Wire'],
  'electrical-motors-drives': ['Motors', 'Drives'],
  'industrial-services': ['Industrial Services', 'Technical Services'],
  'services-testing-inspection': ['Testing', 'Inspection'],
};

/** What buyer-only organizations make; `noun` goes into the name, `makes` into the description. */
export const BUYER_KINDS: { noun: string; makes: string }[] = [
  { noun: 'Machinery', makes: 'Builds packaging lines and conveyor systems for food producers' },
  { noun: 'Automotive', makes: 'Makes seat frames, brackets and body parts for car makers' },
  { noun: 'Rail Systems', makes: 'Builds bogies, couplers and interiors for rail vehicles' },
  { noun: 'Appliances', makes: 'Designs and assembles household appliances' },
  { noun: 'Agritech', makes: 'Builds tractor attachments and irrigation equipment' },
  { noun: 'Medical Devices', makes: 'Makes infusion pumps and patient monitors' },
  { noun: 'Energy Systems', makes: 'Builds inverters, battery racks and switch cabinets' },
  { noun: 'Aerostructures', makes: 'Machines and assembles airframe parts' },
  { noun: 'Foods', makes: 'Produces packaged foods in four plants' },
  { noun: 'Beverages', makes: 'Bottles soft drinks and mineral water' },
  { noun: 'Furniture', makes: 'Makes office and contract furniture' },
  { noun: 'Marine', makes: 'Builds work boats and ferry equipment' },
  { noun: 'Home Products', makes: 'Makes cleaning and personal-care products' },
  { noun: 'Mobility', makes: 'Builds e-bikes and cargo bikes' },
];

/** Who suppliers say they serve. */
export const AUDIENCES = [
  'machinery builders',
  'automotive and rail customers',
  'food and beverage producers',
  'OEMs across Europe',
  'electronics manufacturers',
  'packaging converters',
  'energy and utility companies',
  'medical device makers',
  'customers in more than thirty countries',
];

/** Job titles, by the side of trade they work on. */
export const TITLES = {
  buying: [
    'Category Buyer',
    'Strategic Buyer',
    'Purchasing Manager',
    'Head of Procurement',
    'Sourcing Specialist',
    'Supply Chain Manager',
    'Commodity Manager',
    'Supplier Quality Engineer',
  ],
  selling: [
    'Key Account Manager',
    'Sales Director',
    'Sales Engineer',
    'Export Manager',
    'Business Development Manager',
    'Area Sales Manager',
    'Customer Service Lead',
  ],
  either: ['Operations Manager', 'Plant Manager', 'Quality Manager', 'Production Engineer', 'Logistics Coordinator'],
  admin: ['Managing Director', 'Founder', 'Chief Executive Officer', 'Operations Director'],
};

export const FEEDBACK_COMMENTS = {
  good: [
    'Delivered on time and to spec; the first article inspection passed without remarks.',
    'Very responsive team, solved a drawing issue within a day.',
    'Consistent quality over the whole order. Would buy again.',
    'Packaging and paperwork were spotless.',
  ],
  mixed: [
    'Parts were fine, but the delivery slipped by a week.',
    'Good quality; communication could be faster.',
    'Price was right, documentation needed two rounds.',
  ],
  poor: [
    'Several lots failed incoming inspection.',
    'Missed the agreed date twice without notice.',
    'Hard to reach anyone once the order was placed.',
  ],
};

/** Endorsement comments; {category} is the category name in lower case. */
export const ENDORSEMENT_COMMENTS = [
  'Our go-to supplier for {category}.',
  'Reliable partner for {category}; they flag problems early.',
  'Solid engineering support on {category}.',
  'Fair prices and short lead times on {category}.',
  'Have worked with them on {category} for years.',
  'Small team, but they really know {category}.',
];

/** Referral messages; {name} is the recipient's given name, {supplier} and {category} as shown. */
export const REFERRAL_MESSAGES = [
  '{name}, {supplier} did a great job on {category} for us. Worth a call.',
  'You asked about {category}: {supplier} is who I would call.',
  '{supplier} saved our last project on {category}. Happy to introduce you.',
  'If you still need a second source for {category}, try {supplier}.',
];

export const REJECTION_REASONS = [
  'We have no record of this order.',
  'Wrong category: this was a tooling order.',
  'Recorded twice; see the other entry.',
  'The order was cancelled before delivery.',
];
