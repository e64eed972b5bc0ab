/**
 * Minimum-cost assignment of every row to a distinct column (rows ≤ columns): the Hungarian
 * method with potentials, O(rows² · columns). Deterministic for a given matrix.
 * Returns, for each row, the index of its column.
 */
export function minCostAssignment(cost: number[][]): number[] {
  const rows = cost.length;
  if (rows === 0) return [];
  const columns = cost[0].length;
  if (columns < rows) throw new Error('minCostAssignment needs at least as many columns as rows');
  // 1-based arrays as in the classic formulation; column 0 is the virtual start.
  const u = new Array<number>(rows + 1).fill(0);
  const v = new Array<number>(columns + 1).fill(0);
  const rowOfColumn = new Array<number>(columns + 1).fill(0);
  const way = new Array<number>(columns + 1).fill(0);
  for (let row = 1; row <= rows; row++) {
    rowOfColumn[0] = row;
    let column0 = 0;
    const minTo = new Array<number>(columns + 1).fill(Infinity);
    const used = new Array<boolean>(columns + 1).fill(false);
    do {
      used[column0] = true;
      const row0 = rowOfColumn[column0];
      let delta = Infinity;
      let column1 = 0;
      for (let column = 1; column <= columns; column++) {
        if (used[column]) continue;
        const reduced = cost[row0 - 1][column - 1] - u[row0] - v[column];
        if (reduced < minTo[column]) {
          minTo[column] = reduced;
          way[column] = column0;
        }
        if (minTo[column] < delta) {
          delta = minTo[column];
          column1 = column;
        }
      }
      for (let column = 0; column <= columns; column++) {
        if (used[column]) {
          u[rowOfColumn[column]] += delta;
          v[column] -= delta;
        } else {
          minTo[column] -= delta;
        }
      }
      column0 = column1;
    } while (rowOfColumn[column0] !== 0);
    do {
      const column1 = way[column0];
      rowOfColumn[column0] = rowOfColumn[column1];
      column0 = column1;
    } while (column0 !== 0);
  }
  const result = new Array<number>(rows).fill(-1);
  for (let column = 1; column <= columns; column++) if (rowOfColumn[column] > 0) result[rowOfColumn[column] - 1] = column - 1;
  return result;
}
