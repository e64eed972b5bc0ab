// Lists, at the end of a run, every test that was skipped, so a skipped test is never silent.
export default class SkippedReporter {
  onRunComplete(_contexts, results) {
    const skipped = [];
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'pending' || test.status === 'skipped') skipped.push(`${file.testFilePath.replace(process.cwd() + '/', '')}: ${test.fullName}`);
      }
    }
    if (!skipped.length) return;
    console.log(`\nSkipped ${skipped.length} test(s):\n${skipped.map((s) => `  - ${s}`).join('\n')}`);
  }
}
