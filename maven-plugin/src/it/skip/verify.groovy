def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] posting-lint: skipped (posting-lint.skip)')
assert !log.contains('eeo-statement-present')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/posting-lint').exists()
