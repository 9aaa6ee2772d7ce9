def log = new File(basedir, 'build.log').text
assert log.contains("posting-lint: broken policy: .posting-lint.yaml:8:15: severity must be error, warning or info, not 'loud'")
assert log.contains('BUILD FAILURE')
assert !log.contains('files checked')
assert !new File(basedir, 'target/posting-lint').exists()
