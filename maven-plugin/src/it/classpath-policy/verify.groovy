// The policy came from the jar (its rules, its name and version), and its relative 'extends' was read
// inside the jar (no-rockstar is in acme/common/base.yaml).
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains("Installing") && log.contains('acme-policy-2.0.jar')
assert log.contains("[WARNING] src/postings/data-engineer.html:2:23: warning [no-ninja] Acme avoids 'ninja'")
assert log.contains("[WARNING] src/postings/data-engineer.html:2:14: warning [no-rockstar] Acme avoids 'rockstar' too")
assert log.contains('[INFO] posting-lint: 1 file checked: 0 errors, 2 warnings, 0 infos')
assert log.contains('BUILD SUCCESS')

def json = new JsonSlurper().parse(new File(basedir, 'postings/target/posting-lint/posting-lint.json'))
assert json.policies == ['acme-careers 2.0']
