// backend-engineer.html's errors are in the baseline; frontend-engineer.html is new and its two errors
// are logged and fail the build.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] posting-lint: baseline posting-lint-baseline.json: 2 known findings not reported; 1 entry fixed since')
assert !log.contains('[ERROR] src/postings/backend-engineer.html')
assert log.contains('[ERROR] src/postings/frontend-engineer.html:5:5: error [eeo-statement-present]')
assert log.contains('[ERROR] src/postings/frontend-engineer.html:5:5: error [accommodation-statement-present]')
assert log.contains('posting-lint: 2 errors (failOn=error, maxAllowedViolations=0)')
assert log.contains('BUILD FAILURE')
