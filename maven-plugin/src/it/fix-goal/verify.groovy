// The fixes were applied in place: only the edited ranges changed (the BOM, CRLF line ends, the &amp;
// entity and the astral character are as they were); the clean posting was not touched; then the goal
// checked the fixed postings like posting-lint:check and the build passed.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains(':fix (default-cli) @ it-fix-goal')
assert log.contains('[INFO] posting-lint: fixed src/postings/backend-engineer.html: 3 fixes (nbsp-padding, no-rockstar, pasted-inline-style)')
assert !log.contains('posting-lint: fixed src/postings/clean.html')
assert log.contains('[INFO] posting-lint: fixed 3 findings in 1 file')
assert log =~ /\[INFO\] posting-lint: 2 files checked: 0 errors, 0 warnings, \d+ infos?/
assert log.contains('BUILD SUCCESS')

def expected = '\uFEFF<h1>Backend Engineer</h1>\r\n<p>We want a skilled engineer &amp; a ninja</p>\r\n<p>Caf\u00e9 \uD83D\uDE00</p>\r\n'.getBytes('UTF-8')
def actual = new File(basedir, 'src/postings/backend-engineer.html').bytes
assert actual == expected : "fixed posting is " + new String(actual, 'UTF-8')
assert new File(basedir, 'src/postings/clean.html').bytes == '<h1>Data Analyst</h1>\n<p>We want a skilled analyst.</p>\n'.getBytes('UTF-8')
// No temporary file is left behind.
assert new File(basedir, 'src/postings').list().sort() == ['backend-engineer.html', 'clean.html']

def json = new JsonSlurper().parse(new File(basedir, 'target/posting-lint/posting-lint.json'))
assert json.summary.errors == 0
assert !json.files*.findings.flatten()*.ruleId.contains('no-rockstar')
