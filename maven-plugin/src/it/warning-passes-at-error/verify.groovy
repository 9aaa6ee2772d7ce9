import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains("[WARNING] src/postings/frontend-engineer.html:6:25: warning [no-rockstar] Avoid 'rockstar': describe the skills instead")
assert log =~ /\[INFO\] posting-lint: 1 file checked: 0 errors, 1 warning, \d+ infos?/
assert !log.contains('maxAllowedViolations=')
assert log.contains('BUILD SUCCESS')

def json = new JsonSlurper().parse(new File(basedir, 'target/posting-lint/posting-lint.json'))
assert json.summary.warnings == 1
assert json.files[0].findings.findAll { it.severity == 'warning' }*.ruleId == ['no-rockstar']
