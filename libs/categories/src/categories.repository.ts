import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { Category } from './models/category.model.js';

const CATEGORY_FIELDS = 'c {.id, .name, parentId: parent.id}';

/** Cypher for the category taxonomy. */
@Injectable()
export class CategoriesRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  async roots(): Promise<Category[]> {
    const rows = await this.neo4j.read<{ category: Category }>(
      'CategoriesRepository.roots',
      `MATCH (c:Category) WHERE NOT (c)-[:CHILD_OF]->()
       WITH c, null AS parent
       RETURN ${CATEGORY_FIELDS} AS category ORDER BY c.position, c.name`,
    );
    return rows.map((row) => row.category);
  }

  async findByIds(ids: readonly string[]): Promise<Category[]> {
    const rows = await this.neo4j.read<{ category: Category }>(
      'CategoriesRepository.findByIds',
      `UNWIND $ids AS id
       MATCH (c:Category {id: id})
       OPTIONAL MATCH (c)-[:CHILD_OF]->(parent:Category)
       RETURN ${CATEGORY_FIELDS} AS category`,
      { ids },
    );
    return rows.map((row) => row.category);
  }

  /** The children of each given category, in taxonomy order. */
  async childrenOf(parentIds: readonly string[]): Promise<Category[]> {
    const rows = await this.neo4j.read<{ category: Category }>(
      'CategoriesRepository.childrenOf',
      `UNWIND $parentIds AS parentId
       MATCH (c:Category)-[:CHILD_OF]->(parent:Category {id: parentId})
       RETURN ${CATEGORY_FIELDS} AS category ORDER BY c.position, c.name`,
      { parentIds },
    );
    return rows.map((row) => row.category);
  }
}
