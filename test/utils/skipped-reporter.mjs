// Lists, at the end of a run, every test that was skipped (on the embedded database: the
// concurrency races that need a real PostgreSQL server), so a skipped test is never silent.
export default class SkippedReporter {
  onRunComplete(_contexts, results) {
    const skipped = [];
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'pending' || test.status === 'skipped') skipped.push(`${file.testFilePath.replace(process.cwd() + '/', '')}: ${test.fullName}`);
      }
    }
    if (!skipped.length) return;
    const why = process.env.GUILDHALL_TEST_DB === 'embedded' ? ' (they need a real PostgreSQL server)' : '';
    console.log(`\nSkipped ${skipped.length} test(s)${why}:\n${skipped.map((s) => `  - ${s}`).join('\n')}`);
  }
}
