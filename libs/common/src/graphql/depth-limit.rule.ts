import {
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';

type Fragments = Map<string, FragmentDefinitionNode>;

/** How many levels of object fields a selection set nests (`{ me { name } }` is 1). */
export function selectionDepth(
  set: SelectionSetNode | undefined,
  fragments: Fragments,
  seen = new Set<string>(),
): number {
  if (!set) return 0;
  let max = 0;
  for (const selection of set.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      depth = selection.selectionSet ? 1 + selectionDepth(selection.selectionSet, fragments, seen) : 0;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = selectionDepth(selection.selectionSet, fragments, seen);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (fragment && !seen.has(name))
        depth = selectionDepth(fragment.selectionSet, fragments, new Set(seen).add(name));
    }
    max = Math.max(max, depth);
  }
  return max;
}

/**
 * Rejects operations nested deeper than `maxDepth` levels before any resolver runs, so one
 * request cannot fan out through the graph without bound.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments: Fragments = new Map();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(operation) {
        const depth = selectionDepth(operation.selectionSet, fragments);
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`The operation nests ${depth} levels deep; at most ${maxDepth} are allowed.`, {
              nodes: [operation],
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          );
        }
      },
    };
  };
}
