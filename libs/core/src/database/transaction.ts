import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in a transaction, or inside the caller's transaction when one is passed in,
 * so services can be composed without nesting transactions.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  outer: EntityManager | undefined,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (outer?.queryRunner?.isTransactionActive) return work(outer);
  return dataSource.transaction(work);
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } })?.driverError;
  return driverError?.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}
