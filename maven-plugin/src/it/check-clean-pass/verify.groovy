// A compliant posting passes; the project's own .posting-lint.yaml (found from the basedir) is used.
// The posting is a whole page whose sidebar (an <aside>, beside the job description: content: auto would lint
// the whole page) says "rockstar", the house rule's warning: <content> names the job description as the posting.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\] posting-lint: 1 file checked: 0 errors, 0 warnings, \d+ infos?/
assert log.contains('[INFO] posting-lint: wrote target/posting-lint/posting-lint.json')
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')

def json = new JsonSlurper().parse(new File(basedir, 'target/posting-lint/posting-lint.json'))
assert json.policies == ['acme-careers 1']
assert json.files*.path == ['src/postings/data-analyst.html']
assert json.summary.errors == 0 && json.summary.warnings == 0
assert !log.contains('rockstar')
