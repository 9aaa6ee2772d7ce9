// Written here rather than committed, so that no checkout setting can touch the BOM or the CRLF line ends.
new File(basedir, 'src/postings').mkdirs()
// U+FEFF encodes as the UTF-8 byte-order mark EF BB BF.
def body = '\uFEFF<h1>Backend Engineer</h1>\r\n<p style="color: red">We want a rockstar &amp; a ninja&nbsp;</p>\r\n<p>Caf\u00e9 \uD83D\uDE00</p>\r\n'
new File(basedir, 'src/postings/backend-engineer.html').bytes = body.getBytes('UTF-8')
new File(basedir, 'src/postings/clean.html').bytes = '<h1>Data Analyst</h1>\n<p>We want a skilled analyst.</p>\n'.getBytes('UTF-8')
return true
