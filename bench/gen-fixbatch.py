# Generates a fix batch (issue 17): corpus postings with a pasted style on every tag and &nbsp; padding.
# usage: python3 bench/gen-fixbatch.py OUT_DIR MEGABYTES   (reads the extracted corpus in /tmp/corpus/corpus/html)
import os, sys, re, glob
src = sorted(glob.glob('/tmp/corpus/corpus/html/*/*.html'))
out = sys.argv[1]; target = int(sys.argv[2]) * 1_000_000
os.makedirs(out, exist_ok=True)
total = 0; i = 0
tag = re.compile(r'<(p|li|span|strong|div|h[1-6])>')
while total < target:
    s = open(src[i % len(src)], encoding='utf-8').read()
    s = tag.sub(lambda m: '<%s style="font-family: Calibri, sans-serif; mso-bidi-font-size: 11pt">' % m.group(1), s)
    s = s.replace('. ', '.&nbsp;&nbsp; ')
    name = os.path.join(out, 'p%05d.html' % i)
    open(name, 'w', encoding='utf-8').write(s)
    total += len(s.encode('utf-8')); i += 1
print(i, 'files', total, 'bytes')
