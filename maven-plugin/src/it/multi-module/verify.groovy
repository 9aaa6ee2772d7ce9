import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// Really parallel, and Maven finds nothing to warn about (it lists plugins not marked thread-safe).
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
assert !log.contains('not marked as thread-safe')
assert log.contains("[WARNING] src/postings/frontend-engineer.html:6:25: warning [no-rockstar]")
assert log.contains("[WARNING] src/postings/remote/mobile-engineer.html:6:25: warning [no-rockstar]")
assert log =~ /\[INFO\] posting-lint: 1 file checked: 0 errors, 0 warnings, \d+ infos?/
assert log =~ /\[INFO\] posting-lint: 2 files checked: 0 errors, 2 warnings, \d+ infos?/
// gamma and the aggregator itself have no postings directory
assert log.count('[INFO] posting-lint: no postings directory (src/postings), skipping') == 2
assert log.contains('BUILD SUCCESS')

def slurp = { String module -> new JsonSlurper().parse(new File(basedir, module + '/target/posting-lint/posting-lint.json')) }
def alpha = slurp('alpha')
assert alpha.files*.path == ['src/postings/data-analyst.html']
assert alpha.policies == ['acme-careers 1']
def beta = slurp('beta')
assert beta.files*.path == ['src/postings/frontend-engineer.html', 'src/postings/remote/mobile-engineer.html']
assert beta.summary.warnings == 2
assert !new File(basedir, 'gamma/target/posting-lint').exists()
assert !new File(basedir, 'target/posting-lint').exists()
