/** Injection token of the one neo4j-driver Driver of this process. */
export const NEO4J_DRIVER = Symbol('NEO4J_DRIVER');
