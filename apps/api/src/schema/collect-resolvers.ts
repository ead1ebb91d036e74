import { DynamicModule, Type } from '@nestjs/common';
// @Resolver() marks every resolver class, typed or not, as an entry provider.
import { ENTRY_PROVIDER_WATERMARK } from '@nestjs/common/constants.js';

type ModuleRef = Type<unknown> | DynamicModule | Promise<DynamicModule> | undefined;

/**
 * Every GraphQL resolver class provided anywhere in a module tree, read from Nest's module
 * metadata without instantiating anything (no database connections).
 */
export function collectResolvers(root: ModuleRef): Type<unknown>[] {
  const resolvers = new Set<Type<unknown>>();
  const visited = new Set<unknown>();
  const visit = (ref: ModuleRef): void => {
    if (!ref || ref instanceof Promise || visited.has(ref)) return;
    visited.add(ref);
    const isDynamic = typeof ref === 'object' && 'module' in ref;
    const moduleClass = isDynamic ? ref.module : (ref as Type<unknown>);
    const providers = [
      ...((Reflect.getMetadata('providers', moduleClass) as unknown[]) ?? []),
      ...(isDynamic ? (ref.providers ?? []) : []),
    ];
    for (const provider of providers) {
      if (typeof provider === 'function' && Reflect.getMetadata(ENTRY_PROVIDER_WATERMARK, provider)) {
        resolvers.add(provider as Type<unknown>);
      }
    }
    const imports = [
      ...((Reflect.getMetadata('imports', moduleClass) as ModuleRef[]) ?? []),
      ...(isDynamic ? ((ref.imports ?? []) as ModuleRef[]) : []),
    ];
    imports.forEach(visit);
  };
  visit(root);
  return [...resolvers];
}
