import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/posting-lint')
assert log.contains(':report (default-cli) @ it-report-goal')
assert log =~ /\[INFO\] posting-lint: 1 file checked: 2 errors, 0 warnings, \d+ infos?/
assert log.contains('[INFO] posting-lint: wrote target/posting-lint/posting-lint.json')
assert log.contains('[INFO] posting-lint: wrote target/posting-lint/posting-lint.txt')
assert log.contains('BUILD SUCCESS')

def json = new JsonSlurper().parse(new File(out, 'posting-lint.json'))
assert json.summary.errors == 2
assert new File(out, 'posting-lint.txt').text.contains('src/postings/backend-engineer.html:5:5: error [eeo-statement-present]')

// The HTML report comes first whenever this posting-lint has the format.
def html = new File(out, 'posting-lint.html')
assert html.exists() == log.contains('[INFO] posting-lint: wrote target/posting-lint/posting-lint.html')

// Run as a goal, the Maven report renders its page on its own (maven-reporting-impl's standalone mode, through the
// skin of src/site/site.xml) into target/reports, with the HTML report copied beside it.
def page = new File(basedir, 'target/reports/posting-lint.html').getText('UTF-8')
assert page.contains('maven-fluido')
assert page.contains('<h1>posting-lint</h1>')
assert page.contains('<td>eeo-statement-present</td>')
if (html.exists()) {
    assert page.contains('<a href="posting-lint/posting-lint.html">Open the interactive report</a>')
    assert new File(basedir, 'target/reports/posting-lint/posting-lint.html').bytes == html.bytes
}
