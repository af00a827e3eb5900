// Preloaded into each Azurite the tests start (node --require): the test process holds the other end of this
// process's stdin, and the kernel closes it when that process ends in any way, a crash included. Azurite then exits
// instead of outliving the test run.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
