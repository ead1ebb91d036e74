/**
 * The industrial category taxonomy, loosely following UNSPSC segments. Ids are stable:
 * clients and stored data refer to them, so never rename one; add new ones instead.
 */
export interface TaxonomyRoot {
  id: string;
  name: string;
  children: { id: string; name: string }[];
}

export const CATEGORY_TAXONOMY: TaxonomyRoot[] = [
  {
    id: 'chemicals',
    name: 'Chemicals',
    children: [
      { id: 'chemicals-industrial-gases', name: 'Industrial gases' },
      { id: 'chemicals-solvents', name: 'Solvents' },
      { id: 'chemicals-acids-alkalis', name: 'Acids and alkalis' },
      { id: 'chemicals-pigments-dyes', name: 'Pigments and dyes' },
      { id: 'chemicals-adhesives-sealants', name: 'Adhesives and sealants' },
      { id: 'chemicals-specialty', name: 'Specialty chemicals' },
    ],
  },
  {
    id: 'metals',
    name: 'Metals',
    children: [
      { id: 'metals-steel', name: 'Steel' },
      { id: 'metals-aluminium', name: 'Aluminium' },
      { id: 'metals-copper-alloys', name: 'Copper and copper alloys' },
      { id: 'metals-castings', name: 'Castings' },
      { id: 'metals-forgings', name: 'Forgings' },
      { id: 'metals-fasteners', name: 'Fasteners' },
    ],
  },
  {
    id: 'plastics-rubber',
    name: 'Plastics and rubber',
    children: [
      { id: 'plastics-resins', name: 'Polymer resins' },
      { id: 'plastics-injection-moulded-parts', name: 'Injection-moulded parts' },
      { id: 'plastics-films-sheets', name: 'Films and sheets' },
      { id: 'plastics-rubber-compounds', name: 'Rubber compounds' },
      { id: 'plastics-seals-gaskets', name: 'Seals and gaskets' },
    ],
  },
  {
    id: 'electronic-components',
    name: 'Electronic components',
    children: [
      { id: 'electronics-semiconductors', name: 'Semiconductors' },
      { id: 'electronics-passive-components', name: 'Passive components' },
      { id: 'electronics-connectors', name: 'Connectors' },
      { id: 'electronics-pcb-assembly', name: 'Printed circuit board assembly' },
      { id: 'electronics-sensors', name: 'Sensors' },
      { id: 'electronics-power-supplies', name: 'Power supplies' },
    ],
  },
  {
    id: 'machinery',
    name: 'Machinery and equipment',
    children: [
      { id: 'machinery-machine-tools', name: 'Machine tools' },
      { id: 'machinery-pumps-compressors', name: 'Pumps and compressors' },
      { id: 'machinery-industrial-robots', name: 'Industrial robots' },
      { id: 'machinery-bearings-transmission', name: 'Bearings and power transmission' },
      { id: 'machinery-hydraulics-pneumatics', name: 'Hydraulics and pneumatics' },
      { id: 'machinery-material-handling', name: 'Material handling equipment' },
    ],
  },
  {
    id: 'packaging',
    name: 'Packaging',
    children: [
      { id: 'packaging-corrugated', name: 'Corrugated boxes' },
      { id: 'packaging-flexible', name: 'Flexible packaging' },
      { id: 'packaging-rigid-plastic', name: 'Rigid plastic containers' },
      { id: 'packaging-glass-metal', name: 'Glass and metal containers' },
      { id: 'packaging-labels', name: 'Labels' },
      { id: 'packaging-pallets', name: 'Pallets' },
    ],
  },
  {
    id: 'textiles',
    name: 'Textiles',
    children: [
      { id: 'textiles-yarns-fibres', name: 'Yarns and fibres' },
      { id: 'textiles-woven-fabrics', name: 'Woven fabrics' },
      { id: 'textiles-technical', name: 'Technical textiles' },
      { id: 'textiles-nonwovens', name: 'Nonwovens' },
      { id: 'textiles-workwear', name: 'Workwear and PPE garments' },
    ],
  },
  {
    id: 'logistics-services',
    name: 'Logistics services',
    children: [
      { id: 'logistics-road-freight', name: 'Road freight' },
      { id: 'logistics-ocean-freight', name: 'Ocean freight' },
      { id: 'logistics-air-freight', name: 'Air freight' },
      { id: 'logistics-warehousing', name: 'Warehousing' },
      { id: 'logistics-customs-brokerage', name: 'Customs brokerage' },
    ],
  },
  {
    id: 'electrical-equipment',
    name: 'Electrical equipment',
    children: [
      { id: 'electrical-motors-drives', name: 'Motors and drives' },
      { id: 'electrical-cables-wires', name: 'Cables and wires' },
      { id: 'electrical-switchgear', name: 'Switchgear' },
      { id: 'electrical-transformers', name: 'Transformers' },
      { id: 'electrical-lighting', name: 'Industrial lighting' },
    ],
  },
  {
    id: 'industrial-services',
    name: 'Industrial services',
    children: [
      { id: 'services-maintenance-repair', name: 'Maintenance and repair' },
      { id: 'services-testing-inspection', name: 'Testing, inspection and certification' },
      { id: 'services-engineering', name: 'Engineering services' },
      { id: 'services-contract-manufacturing', name: 'Contract manufacturing' },
    ],
  },
];
