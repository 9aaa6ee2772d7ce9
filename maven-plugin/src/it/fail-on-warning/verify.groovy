def log = new File(basedir, 'build.log').text
assert log.contains("[WARNING] src/postings/frontend-engineer.html:6:25: warning [no-rockstar] Avoid 'rockstar': describe the skills instead")
assert log =~ /\[INFO\] posting-lint: 1 file checked: 0 errors, 1 warning, \d+ infos?/
assert log.contains('posting-lint: 1 finding at warning level or above (failOn=warning, maxAllowedViolations=0)')
assert log.contains('BUILD FAILURE')
