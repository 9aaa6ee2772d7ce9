// The two known errors of backend-engineer.html are in the baseline (written by
// 'posting-lint check --write-baseline'): not logged, not counted, the build passes. The baseline's entry
// for data-analyst.html matches nothing any more, and the log says so.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] posting-lint: baseline posting-lint-baseline.json: 2 known findings not reported; 1 entry fixed since')
assert !log.contains('[ERROR] src/postings/backend-engineer.html')
assert log =~ /\[INFO\] posting-lint: 2 files checked: 0 errors, 0 warnings, \d+ infos?, 2 in the baseline/
assert log.contains('BUILD SUCCESS')

def json = new JsonSlurper().parse(new File(basedir, 'target/posting-lint/posting-lint.json'))
assert json.summary.errors == 0
assert json.summary.baselined == 2
assert json.files.find { it.path == 'src/postings/backend-engineer.html' }.findings.isEmpty()
