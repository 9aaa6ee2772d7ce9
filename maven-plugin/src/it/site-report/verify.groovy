import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// The site plugin, the skin and their dependencies came from target/local-repo (the invoker's extraArtifacts) or
// this machine's ~/.m2 (local.central, see settings.xml), never from the network.
def remote = log.readLines().findAll { it =~ /Download(ing|ed) from (?!local\.central:)/ }
assert remote.isEmpty() : remote.join('\n')

// The report files, as mvn posting-lint:report writes them: the HTML report and the JSON asked for.
def files = new File(basedir, 'target/posting-lint')
def json = new JsonSlurper().parse(new File(files, 'posting-lint.json'))
assert json.summary.files == 3
assert json.summary.errors == 4
assert json.summary.warnings == 2
def interactive = new File(files, 'posting-lint.html')
assert interactive.isFile()
assert log.contains('[INFO] posting-lint: ' + json.summary.files + ' files checked: 4 errors, 2 warnings')
assert log.contains('[INFO] posting-lint: wrote target/posting-lint/posting-lint.html')
assert log.contains('[INFO] posting-lint: wrote target/posting-lint/posting-lint.json')

// The site page, rendered through the skin among the project's reports.
def site = new File(basedir, 'target/site')
def page = new File(site, 'posting-lint.html').getText('UTF-8')
assert page.contains('maven-fluido') // the skin's stylesheet: a page of the site, not a bare fragment
assert page.contains('<h1>posting-lint</h1>')
assert page =~ /checked the postings as of 2025-06-01\. Policies: default \d+\./

def table = { String anchor ->
    def m = page =~ /(?s)<a id="${anchor}"><\/a>.*?<table[^>]*>(.*?)<\/table>/
    assert m.find() : anchor
    m.group(1)
}
def cells = { String html -> (html =~ /(?s)<td[^>]*>(.*?)<\/td>/).collect { it[1].replaceAll(/<[^>]+>/, '').trim() } }

// Summary: postings, postings with findings, errors, warnings, infos, waived, suppressed; as the JSON counts them.
def affected = json.files.count { !it.findings.isEmpty() }
assert cells(table('summary')) == [json.summary.files, affected, json.summary.errors, json.summary.warnings,
        json.summary.infos, 0, 0].collect { it.toString() }
assert affected == 2

// Rules: the two missing statements (errors, 2 postings each) before the two wordings (warnings, 1 posting each).
def rules = cells(table('rules'))
def ids = rules.collate(5).collect { it[0] }
assert ids.take(2).toSet() == ['eeo-statement-present', 'accommodation-statement-present'].toSet()
assert ids.indexOf('age-coded-terms') > 1 && ids.indexOf('native-speaker') > 1
def row = { String id -> rules.collate(5).find { it[0] == id } }
assert row('eeo-statement-present')[1..3] == ['error', '2', '2']
assert row('native-speaker')[1..3] == ['warning', '1', '1']
// Each rule's name links to what it cites.
assert page.contains('<a href="https://www.ecfr.gov/current/title-29/subtitle-B/chapter-XIV/part-1625/subpart-A/section-1625.4" class="externalLink">age-coded-terms</a>') ||
        page.contains('<a class="externalLink" href="https://www.ecfr.gov/current/title-29/subtitle-B/chapter-XIV/part-1625/subpart-A/section-1625.4">age-coded-terms</a>')

// Findings per posting: the two postings with findings, with line:col, severity, rule and message.
assert page.contains('<h3>src/postings/backend-engineer.html</h3>')
assert page.contains('<h3>src/postings/frontend-engineer.html</h3>')
assert !page.contains('<h3>src/postings/data-analyst.html</h3>')
assert page =~ /<td>7:\d+<\/td>\s*<td>warning<\/td>\s*<td>age-coded-terms<\/td>\s*<td>'digital natives' reads as age-coded/
assert !page.contains('Showing ')

// The HTML report beside the page, linked from it, the same as the one in target/posting-lint.
assert page.contains('<a href="posting-lint/posting-lint.html">Open the interactive report</a>')
assert new File(site, 'posting-lint/posting-lint.html').bytes == interactive.bytes

// The site's report overview lists the page with its description.
def overview = new File(site, 'project-reports.html').getText('UTF-8')
assert overview.contains('posting-lint.html')
assert overview.contains('Compliance and consistency findings in the job postings')
