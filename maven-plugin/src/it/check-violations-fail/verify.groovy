// The README's example: findings are logged as path:line:col: severity [rule-id] message at ERROR
// level, the reports are written, and the build fails with the count.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/postings/backend-engineer.html:5:5: error [eeo-statement-present] No equal-opportunity statement')
assert log.contains('[ERROR] src/postings/backend-engineer.html:5:5: error [accommodation-statement-present] No reasonable-accommodation statement')
assert !log.contains('src/postings/data-analyst.html:')
assert log =~ /\[INFO\] posting-lint: 2 files checked: 2 errors, 0 warnings, \d+ infos?/
assert log.contains('posting-lint: 2 errors (failOn=error, maxAllowedViolations=0); see target/posting-lint/posting-lint.json')
assert log.contains('BUILD FAILURE')

def json = new JsonSlurper().parse(new File(basedir, 'target/posting-lint/posting-lint.json'))
assert json.policies.size() == 1 && json.policies[0].startsWith('default ')
assert json.summary.errors == 2
assert json.files*.path == ['src/postings/backend-engineer.html', 'src/postings/data-analyst.html']
assert json.files[0].findings*.ruleId.sort() == ['accommodation-statement-present', 'eeo-statement-present']
assert json.files[1].findings.isEmpty()

def text = new File(basedir, 'target/posting-lint/posting-lint.txt').text
assert text.contains('src/postings/backend-engineer.html:5:5: error [eeo-statement-present]')
