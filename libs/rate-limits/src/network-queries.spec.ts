import { OperationDefinitionNode, parse } from 'graphql';
import { nestedNetworkFields } from './network-queries.js';

function countBelowRoot(source: string): number {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  const root = operation.selectionSet.selections[0];
  const fragments = Object.fromEntries(
    document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
  );
  return nestedNetworkFields(root.kind === 'Field' ? root.selectionSet : undefined, fragments);
}

describe('nestedNetworkFields', () => {
  it('counts network fields below a top-level field, in inline and named fragments', () => {
    expect(countBelowRoot('{ me { id } }')).toBe(0);
    expect(countBelowRoot('{ sourcingRequest(id: "x") { suggestedSuppliers { __typename } } }')).toBe(1);
    expect(
      countBelowRoot(`{ sourcingRequest(id: "x") { ... on SourcingRequest { a: suggestedSuppliers { __typename } } ...F } }
        fragment F on SourcingRequest { b: suggestedSuppliers { __typename } }`),
    ).toBe(2);
  });
});
